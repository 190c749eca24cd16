namespace TunnelActors.Hocon.Parsing;

/// <summary>Turns HOCON text into tokens, one at a time (comments are skipped, newlines kept).</summary>
internal sealed partial class Lexer(string text, string file)
{
    private static readonly string[] SpaceRuns = [.. Enumerable.Range(0, 33).Select(n => new string(' ', n))];
    private readonly string _text = text;
    private int _pos;
    private int _line = 1;
    private int _lineStart;

    public string File { get; } = file;

    /// <summary>The origin of the current position.</summary>
    public HoconOrigin Here => new(File, _line, _pos - _lineStart + 1);

    /// <summary>Reads the next token.</summary>
    public Token Next()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return new Token(TokenKind.End, string.Empty, _line, _pos - _lineStart + 1);
            }

            var c = _text[_pos];
            if (c == '#' || (c == '/' && Peek(1) == '/'))
            {
                SkipComment();
                continue;
            }

            var line = _line;
            var column = _pos - _lineStart + 1;
            switch (c)
            {
                case '\n':
                    _pos++;
                    _line++;
                    _lineStart = _pos;
                    return new Token(TokenKind.Newline, "\n", line, column);
                case '{': _pos++; return new Token(TokenKind.OpenBrace, "{", line, column);
                case '}': _pos++; return new Token(TokenKind.CloseBrace, "}", line, column);
                case '[': _pos++; return new Token(TokenKind.OpenBracket, "[", line, column);
                case ']': _pos++; return new Token(TokenKind.CloseBracket, "]", line, column);
                case ',': _pos++; return new Token(TokenKind.Comma, ",", line, column);
                case ':': _pos++; return new Token(TokenKind.Colon, ":", line, column);
                case '=': _pos++; return new Token(TokenKind.Equals, "=", line, column);
                case '+' when Peek(1) == '=':
                    _pos += 2;
                    return new Token(TokenKind.PlusEquals, "+=", line, column);
                case '"':
                    return Peek(1) == '"' && Peek(2) == '"' ? ReadTripleQuoted(line, column) : ReadQuoted(line, column);
                case '$' when Peek(1) == '{':
                    return ReadSubstitution(line, column);
                default:
                    break;
            }

            if (HoconChars.IsWhitespace(c))
            {
                var start = _pos;
                while (_pos < _text.Length && _text[_pos] != '\n' && HoconChars.IsWhitespace(_text[_pos]))
                {
                    _pos++;
                }

                return new Token(TokenKind.Whitespace, Spaces(start, _pos - start), line, column);
            }

            if (HoconChars.IsForbidden(c))
            {
                throw Reserved(c);
            }

            return c == '-' || char.IsAsciiDigit(c) ? ReadNumber(line, column) : ReadUnquoted(line, column);
        }
    }

    /// <summary>The whitespace run; runs of plain spaces (indentation) come from a cache instead of a new string.</summary>
    private string Spaces(int start, int length)
    {
        if (length < SpaceRuns.Length && _text.AsSpan(start, length).IndexOfAnyExcept(' ') < 0)
        {
            return SpaceRuns[length];
        }

        return _text.Substring(start, length);
    }

    private char Peek(int offset) => _pos + offset < _text.Length ? _text[_pos + offset] : '\0';

    private void SkipComment()
    {
        while (_pos < _text.Length && _text[_pos] != '\n')
        {
            _pos++;
        }
    }

    private HoconException Reserved(char c) => c switch
    {
        '$' => Error("'$' must start a substitution '${path}'; put text containing '$' in double quotes"),
        '+' => Error("'+' is reserved (only '+=' is allowed); put text containing '+' in double quotes"),
        _ => Error($"'{c}' is not allowed in an unquoted value; put the whole value in double quotes (e.g. \"user@host\", \"*.example.com\")"),
    };

    private HoconException Error(string problem) => new(Here, problem);

    private Token ReadUnquoted(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (HoconChars.IsForbidden(c) || HoconChars.IsWhitespace(c) || (c == '/' && Peek(1) == '/'))
            {
                break;
            }

            _pos++;
        }

        var word = _text[start.._pos];
        var kind = word switch
        {
            "true" => TokenKind.True,
            "false" => TokenKind.False,
            "null" => TokenKind.Null,
            _ => TokenKind.Unquoted,
        };
        return new Token(kind, word, line, column);
    }

    private Token ReadNumber(int line, int column)
    {
        var start = _pos;
        while (_pos < _text.Length && (char.IsAsciiDigit(_text[_pos]) || _text[_pos] is 'e' or 'E' or '+' or '-' or '.'))
        {
            _pos++;
        }

        var word = _text[start.._pos];
        if (HoconNumber.TryParse(word, default) is not null)
        {
            return new Token(TokenKind.Number, word, line, column);
        }

        if (word.Contains('+', StringComparison.Ordinal))
        {
            _pos = start + word.IndexOf('+', StringComparison.Ordinal);
            throw Reserved('+');
        }

        // Not a number (1-e3, 1.0.0): it is unquoted text, which may go on (0x10).
        return new Token(TokenKind.Unquoted, word, line, column);
    }
}
