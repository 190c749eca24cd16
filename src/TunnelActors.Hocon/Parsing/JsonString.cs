using System.Globalization;
using System.Text;

namespace TunnelActors.Hocon.Parsing;

/// <summary>JSON string escapes, shared by the lexer, path expressions and the JSON renderer.</summary>
internal static class JsonString
{
    private static readonly System.Buffers.SearchValues<char> NeedsEscape = System.Buffers.SearchValues.Create(
        "\"\\\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\t\n\u000b\f\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    /// <summary>Reads a quoted string starting at the quote <paramref name="start"/>; returns the index of the closing quote.</summary>
    public static int ReadInto(string text, int start, StringBuilder sb, HoconOrigin origin)
    {
        for (var i = start + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                return i;
            }

            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }

            if (++i >= text.Length)
            {
                break;
            }

            sb.Append(text[i] switch
            {
                '"' => '"',
                '\\' => '\\',
                '/' => '/',
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' when i + 4 < text.Length && ushort.TryParse(text.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u) => (char)u,
                var other => throw new HoconException(origin, $"invalid escape '\\{other}' in quoted string; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"),
            });
            if (text[i] == 'u')
            {
                i += 4;
            }
        }

        throw new HoconException(origin, "quoted string is not closed; expected '\"'");
    }

    /// <summary>Renders <paramref name="value"/> as a JSON string literal.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2);
        AppendQuoted(sb, value);
        return sb.ToString();
    }

    /// <summary>Appends <paramref name="value"/> as a JSON string literal.</summary>
    public static void AppendQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        if (value.AsSpan().IndexOfAny(NeedsEscape) < 0)
        {
            sb.Append(value).Append('"');
            return;
        }

        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }

        sb.Append('"');
    }
}
