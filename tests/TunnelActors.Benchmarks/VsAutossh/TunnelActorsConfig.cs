using System.Globalization;
using System.Text;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Writes the HOCON configuration for <c>tunnelactors run</c> (schema: hocon/reference.conf).</summary>
/// <remarks>Only what the scenario needs is written; everything else stays at the reference.conf defaults.</remarks>
internal static class TunnelActorsConfig
{
    /// <summary>How each profile is expressed for TunnelActors (printed with the results).</summary>
    public static string Describe(Profile profile) => profile switch
    {
        Profile.Restart => "tunnelactors run, reference.conf defaults",
        Profile.EchoEvery5s => "tunnelactors run, monitor { mode = echo, echo-port = 7, interval = 5s, first-probe-delay = 5s }",
        Profile.ServerAlive => "tunnelactors run, monitor.mode = none, ServerAliveInterval = 1, ServerAliveCountMax = 3",
        Profile.Defaults => "tunnelactors run, reference.conf defaults",
        Profile.Fleet => "tunnelactors run, reference.conf defaults (loop probe every 5 s)",
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, null),
    };

    /// <summary>Renders the configuration for <paramref name="plan"/>.</summary>
    public static string Render(TunnelPlan plan, string identityFile)
    {
        var text = new StringBuilder();
        text.AppendLine("tunnelactors {");
        text.AppendLine(CultureInfo.InvariantCulture, $"  state-dir = {Quote(Path.Combine(plan.WorkDir, "state"))}");
        text.AppendLine("  defaults {");
        text.AppendLine("    ssh-path = \"/usr/bin/ssh\"");
        text.AppendLine(CultureInfo.InvariantCulture, $"    user = {Quote(SshArguments.User)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    port = {Sshd.Port}");
        text.AppendLine(CultureInfo.InvariantCulture, $"    identity-file = {Quote(identityFile)}");
        text.AppendLine("    ssh-args = [\"-F\", \"none\"]");
        text.AppendLine("    ssh-options {");
        foreach (var (key, value) in SshArguments.Options)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"      {key} = {Quote(value)}");
        }

        if (plan.Profile == Profile.ServerAlive)
        {
            text.AppendLine("      ServerAliveInterval = 1s");
            text.AppendLine("      ServerAliveCountMax = 3");
        }

        text.AppendLine("    }");
        text.AppendLine(MonitorBlock(plan.Profile));
        text.AppendLine("  }");
        text.AppendLine("  tunnels {");
        for (var i = 0; i < plan.Count; i++)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"    t{i:D4} {{ host = {Quote(NetworkFixture.ServerAddress)}, local = [{Quote(TunnelPlan.LocalForward(i))}] }}");
        }

        text.AppendLine("  }");
        text.AppendLine("}");
        return text.ToString();
    }

    private static string MonitorBlock(Profile profile) => profile switch
    {
        Profile.EchoEvery5s =>
            $"    monitor {{ mode = echo, echo-port = {TunnelPlan.EchoMonitorPort}, interval = 5s, first-probe-delay = 5s }}",
        Profile.ServerAlive => "    monitor { mode = none }",
        _ => string.Empty,
    };

    private static string Quote(string value) => "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
