using System.Globalization;
using System.Text;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Java <c>.properties</c> files: keys split on '.', values are strings; when both <c>a</c> and <c>a.b</c> exist the object wins.</summary>
internal static class PropertiesParser
{
    public static HoconObject Parse(string text, string file)
    {
        var root = new HoconObject(new HoconOrigin(file, 1, 1));
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var lineNumber = i + 1;
            var line = lines[i].TrimStart(' ', '\t', '\f', '\r', '\uFEFF');
            if (line.Length == 0 || line[0] is '#' or '!')
            {
                continue;
            }

            var logical = new StringBuilder(line.TrimEnd('\r'));
            while (EndsWithContinuation(logical) && i + 1 < lines.Length)
            {
                logical.Length--;
                logical.Append(lines[++i].TrimStart(' ', '\t', '\f').TrimEnd('\r'));
            }

            var (key, value) = Split(logical.ToString());
            var origin = new HoconOrigin(file, lineNumber, 1);
            Set(root, key.Split('.'), new HoconString(value, origin), origin);
        }

        return root;
    }

    private static bool EndsWithContinuation(StringBuilder sb)
    {
        var backslashes = 0;
        for (var k = sb.Length - 1; k >= 0 && sb[k] == '\\'; k--)
        {
            backslashes++;
        }

        return backslashes % 2 == 1;
    }

    private static (string Key, string Value) Split(string line)
    {
        var key = new StringBuilder();
        var i = 0;
        for (; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\' && i + 1 < line.Length)
            {
                key.Append(Unescape(line, ref i));
                continue;
            }

            if (c is '=' or ':' or ' ' or '\t' or '\f')
            {
                break;
            }

            key.Append(c);
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        if (i < line.Length && line[i] is '=' or ':')
        {
            i++;
        }

        while (i < line.Length && line[i] is ' ' or '\t' or '\f')
        {
            i++;
        }

        var value = new StringBuilder();
        for (; i < line.Length; i++)
        {
            value.Append(line[i] == '\\' && i + 1 < line.Length ? Unescape(line, ref i) : line[i]);
        }

        return (key.ToString(), value.ToString());
    }

    private static char Unescape(string line, ref int i)
    {
        var c = line[++i];
        switch (c)
        {
            case 't': return '\t';
            case 'n': return '\n';
            case 'r': return '\r';
            case 'f': return '\f';
            case 'u' when i + 4 < line.Length && ushort.TryParse(line.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var u):
                i += 4;
                return (char)u;
            default: return c;
        }
    }

    private static void Set(HoconObject root, string[] path, HoconString value, HoconOrigin origin)
    {
        var current = root;
        for (var k = 0; k < path.Length - 1; k++)
        {
            if (current.TryGetValue(path[k], out var child) && child is HoconObject childObject)
            {
                current = childObject;
                continue;
            }

            var created = new HoconObject(origin);
            current.Set(path[k], created);
            current = created;
        }

        if (!current.TryGetValue(path[^1], out var existing) || existing is not HoconObject)
        {
            current.Set(path[^1], value);
        }
    }
}
