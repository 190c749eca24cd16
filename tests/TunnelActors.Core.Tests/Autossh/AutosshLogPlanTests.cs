using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The syslog / log file / stderr decision (autossh.md §6.1).</summary>
public sealed class AutosshLogPlanTests
{
    private static AutosshSettings Settings(bool background, params string[] env)
    {
        var environment = AutosshEnvironment.Read(env.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]));
        var args = background ? new[] { "-f", "-M", "0", "host" } : ["-M", "0", "host"];
        return AutosshMapping.Map(AutosshCommandLine.Parse(args, environment), environment);
    }

    [Theory]
    [InlineData(false, true, new string[0], null, true, false, 6)]                                            // default: syslog only
    [InlineData(false, true, new[] { "AUTOSSH_DEBUG=" }, null, true, true, 7)]                               // F3
    [InlineData(false, true, new[] { "AUTOSSH_LOGFILE=/tmp/x" }, "/tmp/x", false, false, 6)]                 // file only
    [InlineData(false, true, new[] { "AUTOSSH_LOGFILE=/tmp/x", "AUTOSSH_DEBUG=" }, "/tmp/x", false, false, 7)] // file wins over debug
    [InlineData(true, true, new[] { "AUTOSSH_DEBUG=" }, null, true, false, 7)]                               // -f loses the stderr copy
    [InlineData(false, false, new string[0], null, false, true, 6)]                                           // improvement: no syslog socket
    [InlineData(true, false, new string[0], null, false, false, 6)]
    [InlineData(false, true, new[] { "AUTOSSH_LOGLEVEL=3" }, null, true, false, 3)]
    public void Decide_Settings_ChoosesDestinations(
        bool background, bool syslogAvailable, string[] env, string? file, bool syslog, bool stderr, int threshold)
    {
        var plan = AutosshLogPlan.Decide(Settings(background, env), syslogAvailable);

        Assert.Equal(new AutosshLogPlan(file, syslog, stderr, threshold), plan);
    }

    [Theory]
    [InlineData(6, AutosshLogLevel.Error, true)]
    [InlineData(6, AutosshLogLevel.Info, true)]
    [InlineData(6, AutosshLogLevel.Debug, false)]
    [InlineData(3, AutosshLogLevel.Info, false)]
    [InlineData(0, AutosshLogLevel.Error, false)]
    public void Accepts_Level_ComparesWithThreshold(int threshold, AutosshLogLevel level, bool accepted) =>
        Assert.Equal(accepted, new AutosshLogPlan(null, true, false, threshold).Accepts(level));
}
