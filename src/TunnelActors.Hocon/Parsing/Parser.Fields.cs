using TunnelActors.Hocon.Resolution;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Fields: keys (path expressions), separators and <c>+=</c>.</summary>
internal sealed partial class Parser
{
    private void ParseField(HoconObject obj, string[]? path)
    {
        var keyStart = Peek();
        var key = keyStart.Kind == TokenKind.Unquoted && !keyStart.Text.Contains('.', StringComparison.Ordinal) && TakeSimpleKey() is { } simple
            ? [simple]
            : ParseKey(keyStart);
        if (key.Length + (path?.Length ?? 0) > MaxDepth)
        {
            throw At(keyStart, $"the key '{HoconPath.Render(key.Take(3))}...' nests more than {MaxDepth} levels deep; expected at most {MaxDepth}");
        }

        ParseFieldValue(obj, path, key);
    }

    /// <summary>Fast path for the common one-word key directly followed by a separator or whitespace and a separator.</summary>
    private string? TakeSimpleKey()
    {
        var word = Take();
        var next = Peek();
        if (next.Kind is TokenKind.Whitespace or TokenKind.Newline or TokenKind.Colon or TokenKind.Equals or TokenKind.OpenBrace or TokenKind.PlusEquals)
        {
            if (next.Kind == TokenKind.Whitespace)
            {
                Take();
                if (Peek().IsSimpleValue)
                {
                    // "a b c : 1": a key with whitespace inside; continue the general way.
                    _pendingKey = [word, next];
                    return null;
                }
            }

            return word.Text;
        }

        _pendingKey = [word];
        return null;
    }

    private string[] ParseKey(in Token keyStart)
    {
        var builder = new PathBuilder(File);
        var pendingWhitespace = new List<Token>();
        var any = false;
        if (_pendingKey is { } pending)
        {
            _pendingKey = null;
            foreach (var token in pending)
            {
                if (token.Kind == TokenKind.Whitespace)
                {
                    pendingWhitespace.Add(token);
                }
                else
                {
                    builder.Add(token);
                    any = true;
                }
            }
        }

        while (true)
        {
            var token = Peek();
            if (token.Kind == TokenKind.Whitespace)
            {
                pendingWhitespace.Add(Take());
                continue;
            }

            if (!token.IsSimpleValue)
            {
                break;
            }

            foreach (var ws in pendingWhitespace)
            {
                builder.Add(ws);
            }

            pendingWhitespace.Clear();
            builder.Add(Take());
            any = true;
        }

        if (!any)
        {
            throw At(keyStart, keyStart.Kind switch
            {
                TokenKind.Substitution => "substitutions cannot be used as keys; expected a key",
                TokenKind.OpenBrace or TokenKind.OpenBracket => $"{keyStart.Describe()} cannot start a key; expected a key such as name = value",
                _ => $"unexpected {keyStart.Describe()}; expected a key",
            });
        }

        return builder.Build();
    }

    private void ParseFieldValue(HoconObject obj, string[]? path, string[] key)
    {
        string[]? fieldPath = path is null ? null : [.. path, .. key];
        SkipBlank();
        var separator = Peek();
        HoconValue value;
        switch (separator.Kind)
        {
            case TokenKind.Colon or TokenKind.Equals:
                Take();
                SkipBlank();
                value = ParseValue(fieldPath, separator);
                break;
            case TokenKind.PlusEquals:
                Take();
                SkipBlank();
                var element = ParseValue(fieldPath, separator);
                var self = new Substitution(OriginOf(separator), fieldPath ?? key, optional: true, prefix: null, anchor: fieldPath is null ? obj : null);
                value = new Concatenation(OriginOf(separator), [self, new HoconArray(element.Origin, [element])]);
                break;
            case TokenKind.OpenBrace:
                value = ParseValue(fieldPath, separator);
                break;
            default:
                throw At(separator, $"expected ':', '=' or '{{' after the key '{HoconPath.Render(key)}', found {separator.Describe()}");
        }

        obj.Set(key[0], key.Length == 1 ? Merge.Values(obj.TryGetValue(key[0], out var old) ? old : null, value) : Merge.Values(obj.TryGetValue(key[0], out var older) ? older : null, Nest(key, 1, value)));
    }

    private static HoconObject Nest(string[] key, int from, HoconValue value)
    {
        var inner = value;
        for (var i = key.Length - 1; i >= from; i--)
        {
            var wrapper = new HoconObject(value.Origin);
            wrapper.Set(key[i], inner);
            inner = wrapper;
        }

        return (HoconObject)inner;
    }
}
