using System.Globalization;
using TunnelActors.Hocon;
using TunnelActors.Hocon.Units;

namespace TunnelActors.Core.Configuration;

/// <summary>Renders <c>ssh-options</c> values the way ssh expects them after <c>-o Key=</c>.</summary>
/// <remarks>Booleans (and on/off, true/false strings) become yes/no; a value that is a HOCON duration with a unit
/// ("30s", "2 minutes") becomes whole seconds; numbers and other strings are passed verbatim; null drops the option.</remarks>
internal static class SshOptionRenderer
{
    /// <summary>The rendered options in configuration order; problems go to the reader's error sink.</summary>
    public static List<KeyValuePair<string, string>> Render(SettingsReader options)
    {
        var rendered = new List<KeyValuePair<string, string>>();
        foreach (var (name, value) in options.Object)
        {
            if (value is HoconNull)
            {
                continue;
            }

            if (name.Length == 0 || !char.IsAsciiLetter(name[0]) || !name.All(char.IsAsciiLetterOrDigit))
            {
                options.Error(name, "is not an ssh option name; expected letters and digits, as in ServerAliveInterval (see ssh_config(5))", value);
                continue;
            }

            if (RenderValue(value) is { } text)
            {
                if (text.AsSpan().IndexOfAny('\n', '\r', '\0') >= 0)
                {
                    options.Error(name, "contains a line break; ssh option values are single-line", value);
                    continue;
                }

                rendered.Add(new(name, text));
            }
            else
            {
                options.Error(name, value is HoconString s
                    ? $"\"{s.Value}\" is not a whole number of seconds; ssh takes whole seconds here"
                    : $"expected a single value (string, number, yes/no or a duration), found {SettingsReader.Describe(value)}; write lists as one string the way ssh_config does", value);
            }
        }

        return rendered;
    }

    private static string? RenderValue(HoconValue value)
    {
        switch (value)
        {
            case HoconBoolean b:
                return b.Value ? "yes" : "no";
            case HoconNumber n:
                return n.Text;
            case HoconString { Value: "true" or "on" }:
                return "yes";
            case HoconString { Value: "false" or "off" }:
                return "no";
            case HoconString s when IsDuration(s):
                var nanos = HoconDuration.ToNanoseconds(s);
                return nanos % 1_000_000_000 == 0 ? (nanos / 1_000_000_000).ToString(CultureInfo.InvariantCulture) : null;
            case HoconString s:
                return s.Value;
            default:
                return null;
        }
    }

    private static bool IsDuration(HoconString value)
    {
        var text = value.Value.Trim();
        if (text.Length < 2 || !char.IsAsciiDigit(text[0]) || !char.IsAsciiLetter(text[^1]))
        {
            return false;
        }

        try
        {
            HoconDuration.ToNanoseconds(value);
            return true;
        }
        catch (HoconException)
        {
            return false;
        }
    }
}
