using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Recursive-descent parser from tokens to an unresolved tree; nesting is capped at <see cref="MaxDepth"/>.</summary>
/// <remarks>Objects are merged in place while parsing: every object the parser touches was created by this
/// parse (or an include parse) and is not shared yet.</remarks>
internal sealed partial class Parser
{
    /// <summary>Deepest allowed nesting of objects and arrays (keeps the stack bounded; real configs use &lt; 20).</summary>
    public const int MaxDepth = 256;

    private readonly Lexer _lexer;
    private readonly IncludeLoader _includes;
    private readonly string[]? _prefix;
    private readonly HoconObject? _anchor;
    private Token _peeked;
    private Token[]? _pendingKey;
    private bool _hasPeeked;
    private int _depth;

    /// <summary>Creates a parser; <paramref name="prefix"/>/<paramref name="anchor"/> are set for included files.</summary>
    public Parser(string text, string file, IncludeLoader includes, string[]? prefix, HoconObject? anchor)
    {
        _lexer = new Lexer(text, file);
        _includes = includes;
        _prefix = prefix is { Length: > 0 } ? prefix : null;
        _anchor = anchor;
    }

    private string File => _lexer.File;

    /// <summary>Parses a whole document: an object (braces optional) or an array.</summary>
    public HoconValue ParseDocument(string[] basePath)
    {
        SkipBlank();
        var first = Peek();
        HoconValue root = first.Kind switch
        {
            TokenKind.OpenBracket => ParseArray(),
            TokenKind.OpenBrace => ParseBracedObject(basePath),
            _ => ParseObjectBody(basePath, braced: false, first),
        };
        SkipBlank();
        var rest = Peek();
        if (rest.Kind != TokenKind.End)
        {
            throw At(rest, $"unexpected {rest.Describe()} after the end of the document; expected end of file");
        }

        return root;
    }

    private Token Peek()
    {
        if (!_hasPeeked)
        {
            _peeked = _lexer.Next();
            _hasPeeked = true;
        }

        return _peeked;
    }

    private Token Take()
    {
        var token = Peek();
        _hasPeeked = false;
        return token;
    }

    private void SkipWhitespace()
    {
        while (Peek().Kind == TokenKind.Whitespace)
        {
            Take();
        }
    }

    /// <summary>Skips whitespace and newlines; returns whether a newline was seen.</summary>
    private bool SkipBlank()
    {
        var newline = false;
        while (Peek().Kind is TokenKind.Whitespace or TokenKind.Newline)
        {
            newline |= Take().Kind == TokenKind.Newline;
        }

        return newline;
    }

    private HoconOrigin OriginOf(in Token token) => new(File, token.Line, token.Column);

    private HoconException At(in Token token, string problem) => new(OriginOf(token), problem);

    private void Enter(in Token token)
    {
        if (++_depth > MaxDepth)
        {
            throw At(token, $"objects and arrays are nested more than {MaxDepth} levels deep; expected at most {MaxDepth}");
        }
    }

    private HoconObject ParseBracedObject(string[]? path)
    {
        var open = Take();
        Enter(open);
        var result = ParseObjectBody(path, braced: true, open);
        _depth--;
        return result;
    }

    private HoconObject ParseObjectBody(string[]? path, bool braced, in Token open)
    {
        var obj = new HoconObject(OriginOf(open));
        while (true)
        {
            SkipBlank();
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBrace when braced:
                    Take();
                    return obj;
                case TokenKind.CloseBrace:
                    throw At(token, "unbalanced '}': there is no '{' to close here");
                case TokenKind.End when braced:
                    throw At(token, $"end of file inside the object opened at line {open.Line}, column {open.Column}; expected '}}'");
                case TokenKind.End:
                    return obj;
                case TokenKind.Comma:
                    throw At(token, "unexpected ','; expected a key (only one comma may separate fields)");
                case TokenKind.Unquoted when token.Text == "include":
                    Take();
                    ParseInclude(obj, path);
                    break;
                default:
                    ParseField(obj, path);
                    break;
            }

            var newline = SkipBlank();
            var next = Peek();
            if (next.Kind == TokenKind.Comma)
            {
                Take();
            }
            else if (!newline && next.Kind is not (TokenKind.CloseBrace or TokenKind.End))
            {
                throw At(next, next.Kind is TokenKind.Colon or TokenKind.Equals
                    ? $"unexpected {next.Describe()} after a value; a value containing ':' or '=' (such as host:port) must be in double quotes, e.g. \"host:22\""
                    : $"unexpected {next.Describe()} after a field; expected ',' or a new line between fields, or '}}'");
            }
        }
    }
}
