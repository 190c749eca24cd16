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
                IEnumerable<string> keys = obj.Keys;
                if (canonical)
                {
                    var sorted = obj.Keys.ToArray();
                    Array.Sort(sorted, StringComparer.Ordinal);
                    keys = sorted;
                }

                sb.Append('{');
                var first = true;
                foreach (var key in keys)
                {
                    Separator(sb, ref first, indented, depth + 1);
                    JsonString.AppendQuoted(sb, key);
                    sb.Append(indented ? ": " : ":");
                    Write(sb, obj[key], indented, canonical, depth + 1);
                }

                Close(sb, '}', first, indented, depth);
                break;
            case HoconArray array:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in array)
                {
                    Separator(sb, ref firstItem, indented, depth + 1);
                    Write(sb, item, indented, canonical, depth + 1);
                }

                Close(sb, ']', firstItem, indented, depth);
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

    private static void Separator(StringBuilder sb, ref bool first, bool indented, int depth)
    {
        if (!first)
        {
            sb.Append(',');
        }

        first = false;
        if (indented)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }
    }

    private static void Close(StringBuilder sb, char close, bool empty, bool indented, int depth)
    {
        if (indented && !empty)
        {
            sb.Append('\n').Append(' ', depth * 2);
        }

        sb.Append(close);
    }
}
