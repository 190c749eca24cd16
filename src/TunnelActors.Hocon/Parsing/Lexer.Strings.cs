using System.Text;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Quoted strings, triple-quoted strings and substitutions.</summary>
internal sealed partial class Lexer
{
    private Token ReadQuoted(int line, int column)
    {
        var start = _pos;
        var escaped = false;
        for (var i = start + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == '\\')
            {
                escaped = true;
                i++;
                continue;
            }

            if (c == '"')
            {
                _pos = i + 1;
                var value = escaped ? Decode(start) : _text.Substring(start + 1, i - start - 1);
                return new Token(TokenKind.Quoted, value, line, column);
            }

            if (c < ' ')
            {
                _pos = i;
                throw Error(c == '\n'
                    ? "quoted string is not closed before the end of the line; close it with '\"', or use \\n or a \"\"\"triple-quoted\"\"\" string"
                    : $"control character U+{(int)c:X4} inside a quoted string; write it as an escape (\\t, \\u0000)");
            }
        }

        throw Error("quoted string is not closed; expected '\"' before the end of the file");
    }

    private string Decode(int start)
    {
        var sb = new StringBuilder();
        JsonString.ReadInto(_text, start, sb, Here);
        return sb.ToString();
    }

    private Token ReadTripleQuoted(int line, int column)
    {
        var contentStart = _pos + 3;
        var i = contentStart;
        while (i < _text.Length)
        {
            if (_text[i] == '"' && i + 2 < _text.Length && _text[i + 1] == '"' && _text[i + 2] == '"')
            {
                // A run of 3+ quotes closes the string; extra quotes belong to it (HOCON.md §Multi-line strings).
                var end = i + 3;
                while (end < _text.Length && _text[end] == '"')
                {
                    end++;
                }

                var value = _text.Substring(contentStart, end - 3 - contentStart);
                for (var k = _pos; k < end; k++)
                {
                    if (_text[k] == '\n')
                    {
                        _line++;
                        _lineStart = k + 1;
                    }
                }

                _pos = end;
                return new Token(TokenKind.Quoted, value, line, column);
            }

            i++;
        }

        throw Error("triple-quoted string is not closed; expected '\"\"\"' before the end of the file");
    }

    private Token ReadSubstitution(int line, int column)
    {
        _pos += 2;
        var optional = false;
        if (Peek(0) == '?')
        {
            optional = true;
            _pos++;
        }

        var parts = new List<Token>();
        while (true)
        {
            if (_pos >= _text.Length || _text[_pos] == '\n')
            {
                throw Error("substitution is not closed; expected '}' on the same line");
            }

            var c = _text[_pos];
            if (c == '}')
            {
                _pos++;
                break;
            }

            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                throw Error("a comment cannot appear inside ${...}; expected a path and '}'");
            }

            if (c == '$')
            {
                throw Error("substitutions cannot be nested; expected a path inside ${...}");
            }

            var token = Next();
            if (token.Kind is not (TokenKind.Whitespace or TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null))
            {
                throw new HoconException(new HoconOrigin(File, token.Line, token.Column), $"unexpected {token.Describe()} inside ${{...}}; expected a path such as ${{a.b}} and '}}'");
            }

            parts.Add(token);
        }

        var first = parts.FindIndex(t => t.Kind != TokenKind.Whitespace);
        var last = parts.FindLastIndex(t => t.Kind != TokenKind.Whitespace);
        if (first < 0)
        {
            throw new HoconException(new HoconOrigin(File, line, column), "empty substitution; expected a path such as ${a.b}");
        }

        var builder = new PathBuilder(File);
        for (var k = first; k <= last; k++)
        {
            builder.Add(parts[k]);
        }

        return new Token(TokenKind.Substitution, string.Empty, line, column, builder.Build(), optional);
    }
}
