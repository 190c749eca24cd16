using System.Globalization;
using System.Text;
using TunnelActors.Hocon.Parsing;

namespace TunnelActors.Hocon;

/// <summary>Renders resolved values as JSON (numbers as numbers, strings as strings).</summary>
public static class HoconJson
{
    /// <summary>Renders <paramref name="value"/>; <paramref name="canonical"/> sorts keys ordinally and drops whitespace.</summary>
    public static string Render(HoconValue value, bool indented = true, bool canonical = false)
    {
        var sb = new StringBuilder();
        Write(sb, value, indented && !canonical, canonical, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, HoconValue value, bool indented, bool canonical, int depth)
    {
        StackGuard.Ensure(value.Origin, "objects and arrays are");
        switch (value)
        {
            case HoconObject obj:
                var keys = canonical ? obj.Keys.Order(StringComparer.Ordinal) : obj.Keys;
                WriteContainer(sb, '{', '}', keys.Select(k => (Action)(() =>
                {
                    JsonString.AppendQuoted(sb, k);
                    sb.Append(indented ? ": " : ":");
                    Write(sb, obj[k], indented, canonical, depth + 1);
                })), indented, depth);
                break;
            case HoconArray array:
                WriteContainer(sb, '[', ']', array.Select(item => (Action)(() => Write(sb, item, indented, canonical, depth + 1))), indented, depth);
                break;
            case HoconString s:
                JsonString.AppendQuoted(sb, s.Value);
                break;
            case HoconNumber n:
                sb.Append(n.Integer is { } l ? l.ToString(CultureInfo.InvariantCulture) : n.Value.ToString("R", CultureInfo.InvariantCulture));
                break;
            case HoconBoolean b:
                sb.Append(b.Value ? "true" : "false");
                break;
            case HoconNull:
                sb.Append("null");
                break;
            default:
                throw new InvalidOperationException("only resolved values can be rendered");
        }
    }

    private static void WriteContainer(StringBuilder sb, char open, char close, IEnumerable<Action> items, bool indented, int depth)
    {
        sb.Append(open);
        var any = false;
        foreach (var item in items)
        {
            sb.Append(any ? "," : string.Empty);
            if (indented)
            {
                sb.Append('\n').Append(' ', (depth + 1) * 2);
            }

            item();
            any = true;
        }

        if (indented && any)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }

        sb.Append(close);
    }
}
