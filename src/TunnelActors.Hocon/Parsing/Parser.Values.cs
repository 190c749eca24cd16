using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Values, value concatenation and arrays.</summary>
internal sealed partial class Parser
{
    /// <summary>Parses one value: simple values, substitutions, objects and arrays on one line, concatenated.</summary>
    private HoconValue ParseValue(string[]? path, in Token after)
    {
        var parts = new List<HoconValue>(1);
        if (Peek().IsSimpleValue)
        {
            // Fast path: a single simple value ending the line, field or element (the common case).
            var simple = Simple(Take());
            if (Peek().Kind is TokenKind.Newline or TokenKind.Comma or TokenKind.CloseBrace or TokenKind.CloseBracket or TokenKind.End)
            {
                return simple;
            }

            parts.Add(simple);
        }

        while (true)
        {
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.Whitespace:
                    Take();
                    parts.Add(new HoconString(token.Text, OriginOf(token), isSeparator: true));
                    break;
                case TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null:
                    parts.Add(Simple(Take()));
                    break;
                case TokenKind.Substitution:
                    Take();
                    parts.Add(new Substitution(OriginOf(token), token.Path!, token.Optional, _prefix, _anchor));
                    break;
                case TokenKind.OpenBrace:
                    parts.Add(ParseBracedObject(path));
                    break;
                case TokenKind.OpenBracket:
                    parts.Add(ParseArray());
                    break;
                default:
                    return Concatenate(parts, token, after);
            }
        }
    }

    private HoconValue Simple(in Token token) => token.Kind switch
    {
        TokenKind.Number => HoconNumber.TryParse(token.Text, OriginOf(token))!,
        TokenKind.True or TokenKind.False => new HoconBoolean(token.Kind == TokenKind.True, OriginOf(token)),
        TokenKind.Null => new HoconNull(OriginOf(token)),
        _ => new HoconString(token.Text, OriginOf(token)),
    };

    private HoconValue Concatenate(List<HoconValue> parts, in Token stop, in Token after)
    {
        while (parts.Count > 0 && parts[^1] is HoconString { IsSeparator: true })
        {
            parts.RemoveAt(parts.Count - 1);
        }

        if (parts.Count == 0)
        {
            throw At(stop, $"expected a value after {after.Describe()}, found {stop.Describe()}");
        }

        if (parts.Count == 1)
        {
            return parts[0];
        }

        var origin = parts[0].Origin;
        if (parts.Exists(p => p is Substitution))
        {
            return new Concatenation(origin, parts);
        }

        var container = parts.Find(p => p is HoconObject or HoconArray);
        if (container is null)
        {
            return new HoconString(string.Concat(parts.Select(p => p.ConcatText)), origin);
        }

        foreach (var part in parts)
        {
            if (part.Kind != container.Kind && part is not HoconString { IsSeparator: true })
            {
                throw new HoconException(part.Origin, $"cannot concatenate {part.Describe()} with {container.Describe()}; objects concatenate only with objects, arrays only with arrays (quote the text if a string was meant)");
            }
        }

        return Merge.Concat(parts.Where(p => p is not HoconString { IsSeparator: true }), origin);
    }

    private HoconArray ParseArray()
    {
        var open = Take();
        Enter(open);
        var items = new List<HoconValue>();
        while (true)
        {
            SkipBlank();
            var token = Peek();
            switch (token.Kind)
            {
                case TokenKind.CloseBracket:
                    Take();
                    _depth--;
                    return new HoconArray(OriginOf(open), items);
                case TokenKind.End:
                    throw At(token, $"end of file inside the array opened at line {open.Line}, column {open.Column}; expected ']'");
                case TokenKind.Comma:
                    throw At(token, "unexpected ','; expected an array element or ']' (only one comma may separate elements)");
                default:
                    items.Add(ParseValue(null, items.Count == 0 ? open : token));
                    break;
            }

            var newline = SkipBlank();
            var next = Peek();
            if (next.Kind == TokenKind.Comma)
            {
                Take();
            }
            else if (!newline && next.Kind != TokenKind.CloseBracket)
            {
                throw At(next, next.Kind is TokenKind.Colon or TokenKind.Equals
                    ? $"unexpected {next.Describe()} in an array; a value containing ':' or '=' must be in double quotes, e.g. \"5000:localhost:5000\""
                    : $"unexpected {next.Describe()} after an array element; expected ',', a new line or ']'");
            }
        }
    }
}
