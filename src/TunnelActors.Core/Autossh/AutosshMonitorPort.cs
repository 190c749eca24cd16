using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>A parsed <c>-M port[:echo_port]</c> (or <c>AUTOSSH_PORT</c>) value.</summary>
/// <param name="Port">The monitor port <c>wp</c>; 0 disables monitoring.</param>
/// <param name="EchoPort">The remote echo port, or null for loop mode.</param>
public sealed record AutosshMonitorPort(int Port, int? EchoPort)
{
    /// <summary>autossh's hard-coded monitor host (<c>mhost</c>, autossh.c:122).</summary>
    public const string MonitorHost = "127.0.0.1";

    /// <summary>The highest accepted monitor port: <c>wp + 1</c> must exist too (autossh.md §1.3).</summary>
    public const int MaxPort = 65534;

    /// <summary>Monitoring is off (<c>-M 0</c>, also <c>-M 0:7</c>).</summary>
    public bool IsDisabled => Port == 0;

    /// <summary>Loop mode: probes go out through <c>-L wp</c> and come back through <c>-R wp</c> to <c>wp+1</c>.</summary>
    public bool IsLoop => !IsDisabled && EchoPort is null;

    /// <summary>Echo mode: probes go through <c>-L wp</c> to an echo service on the server.</summary>
    public bool IsEcho => !IsDisabled && EchoPort is not null;

    /// <summary>The local return port autossh listens on in loop mode (<c>rp = wp + 1</c>).</summary>
    public int ReturnPort => Port + 1;

    /// <summary>The forwarding arguments autossh inserts for this port (autossh.md §1.5), empty when disabled.</summary>
    public IReadOnlyList<string> ForwardArguments()
    {
        if (IsDisabled)
        {
            return [];
        }

        var local = string.Create(CultureInfo.InvariantCulture, $"{Port}:{MonitorHost}:{EchoPort ?? Port}");
        if (EchoPort is not null)
        {
            return ["-L", local];
        }

        var remote = string.Create(CultureInfo.InvariantCulture, $"{Port}:{MonitorHost}:{ReturnPort}");
        return ["-L", local, "-R", remote];
    }

    /// <summary>Parses the value like autossh.c:343-382: echo part first, <c>strtoul</c> base 0, range checks.</summary>
    /// <param name="text">The <c>-M</c> argument or <c>AUTOSSH_PORT</c> value.</param>
    /// <param name="dialect">Improved also rejects an echo port outside 1..65535, which autossh passes to ssh.</param>
    /// <param name="port">The parsed value when the result is null.</param>
    /// <returns>Null on success, else the fatal error autossh reports (exit 1).</returns>
    public static AutosshError? TryParse(string text, AutosshDialect dialect, out AutosshMonitorPort port)
    {
        port = new AutosshMonitorPort(0, null);
        var portText = text;
        int? echo = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            portText = text[..colon];
            var echoText = text[(colon + 1)..];
            var parsedEcho = CNumber.StrToUL(echoText);
            var ep = CNumber.ToCInt(parsedEcho.Value);

            // autossh.c: *echop == '\0' || *s != '\0' || ep == 0; the two spaces are autossh's.
            var invalid = parsedEcho.IsEmptyOrJunk || ep == 0 ||
                (dialect == AutosshDialect.Improved && (parsedEcho.Negative || parsedEcho.Value > 65535));
            if (invalid)
            {
                return AutosshError.Fatal($"invalid echo port  \"{echoText}\"");
            }

            echo = ep;
        }

        var parsed = CNumber.StrToUL(portText);
        if (parsed.IsEmptyOrJunk)
        {
            return AutosshError.Fatal($"invalid port \"{portText}\"");
        }

        // wp is a C int: strtoul's value is truncated to 32 bits, so "-5" is -5 and 4294967297 is 1.
        var wp = CNumber.ToCInt(parsed.Value);
        if (dialect == AutosshDialect.Improved && (parsed.Value > MaxPort || (parsed.Negative && parsed.Value != 0)))
        {
            // Improved: no 32-bit wrap-around, so "4294967297" is out of range rather than port 1.
            return AutosshError.Fatal($"monitor port ({portText.Trim()}) out of range");
        }

        if (wp == 0)
        {
            port = new AutosshMonitorPort(0, echo);
            return null;
        }

        if (wp is > MaxPort or < 0)
        {
            return AutosshError.Fatal(string.Create(CultureInfo.InvariantCulture, $"monitor port ({wp}) out of range"));
        }

        port = new AutosshMonitorPort(wp, echo);
        return null;
    }
}
