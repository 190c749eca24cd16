using System.Text;

namespace TunnelActors.Hocon;

/// <summary>Path expressions (<c>a.b."c.d"</c>): parsing for getters and rendering for messages.</summary>
public static class HoconPath
{
    /// <summary>Splits a path expression into keys; quoted parts may contain dots. Empty text is the root.</summary>
    /// <exception cref="HoconException">An element is empty and unquoted, or a quote is not closed.</exception>
    public static string[] Parse(string expression)
    {
        var origin = HoconOrigin.Synthetic($"path expression \"{expression}\"");
        if (expression.Length == 0)
        {
            return [];
        }

        var keys = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < expression.Length; i++)
        {
            var c = expression[i];
            if (c == '.')
            {
                Finish();
            }
            else if (c == '"')
            {
                quoted = true;
                i = Parsing.JsonString.ReadInto(expression, i, current, origin);
            }
            else
            {
                current.Append(c);
            }
        }

        Finish();
        return [.. keys];

        void Finish()
        {
            var key = current.ToString();
            if (key.Length == 0 && !quoted)
            {
                throw new HoconException(origin, "empty path element; quote it (\"\") if an empty key is meant");
            }

            keys.Add(key);
            current.Clear();
            quoted = false;
        }
    }

    /// <summary>Renders keys as a path expression, quoting keys that need it.</summary>
    public static string Render(IEnumerable<string> keys) => string.Join('.', keys.Select(RenderKey));

    /// <summary>Renders one key, quoted when it is empty or holds characters other than letters, digits, '-' and '_'.</summary>
    public static string RenderKey(string key)
    {
        var plain = key.Length > 0 && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_') && !char.IsAsciiDigit(key[0]) && key[0] != '-';
        return plain ? key : Parsing.JsonString.Quote(key);
    }
}
