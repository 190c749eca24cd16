using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>
/// Runs the real autossh with one AUTOSSH_* value and compares "refused" (rc 1) with our error verdict (F4).
/// AUTOSSH_MAXSTART=0 keeps autossh from starting ssh at all, so an accepted value gives rc 0 (B10).
/// </summary>
public sealed class AutosshEnvironmentDifferentialTests : IDisposable
{
    private readonly ReferenceAutossh _reference = new();

    public static TheoryData<string, string> Values() => new()
    {
        { "AUTOSSH_POLL", "abc" }, { "AUTOSSH_POLL", "0" }, { "AUTOSSH_POLL", "" }, { "AUTOSSH_POLL", "-5" },
        { "AUTOSSH_POLL", " 7" }, { "AUTOSSH_POLL", "07" }, { "AUTOSSH_POLL", "1.5" }, { "AUTOSSH_POLL", "99999999999999999999" },
        { "AUTOSSH_POLL", "4294967296" }, { "AUTOSSH_FIRST_POLL", "0" }, { "AUTOSSH_FIRST_POLL", "-5" }, { "AUTOSSH_FIRST_POLL", "x" },
        { "AUTOSSH_GATETIME", "-1" }, { "AUTOSSH_GATETIME", "abc" }, { "AUTOSSH_GATETIME", "" }, { "AUTOSSH_GATETIME", "0x0" },
        { "AUTOSSH_MAXSTART", "-2" }, { "AUTOSSH_MAXSTART", "-1" }, { "AUTOSSH_MAXSTART", "" }, { "AUTOSSH_MAXSTART", "abc" },
        { "AUTOSSH_LOGLEVEL", "8" }, { "AUTOSSH_LOGLEVEL", "-1" }, { "AUTOSSH_LOGLEVEL", "" }, { "AUTOSSH_LOGLEVEL", " 3" },
        { "AUTOSSH_LOGLEVEL", "0x7" }, { "AUTOSSH_MAXLIFETIME", "" }, { "AUTOSSH_MAXLIFETIME", "abc" }, { "AUTOSSH_MAXLIFETIME", "5.5" },
        { "AUTOSSH_MAXLIFETIME", "-1" }, { "AUTOSSH_MAXLIFETIME", "0x10" }, { "AUTOSSH_MESSAGE", new string('x', 64) },
        { "AUTOSSH_MESSAGE", new string('x', 65) }, { "AUTOSSH_MESSAGE", "" }, { "AUTOSSH_LOGFILE", "" }, { "AUTOSSH_PORT", "" },
        { "AUTOSSH_PIDFILE", "" },
    };

    [RequiresAutosshTheory]
    [MemberData(nameof(Values))]
    public void Read_SameValueAsAutossh_RefusesExactlyWhenAutosshExitsOne(string variable, string value)
    {
        // Arrange
        var extra = new Dictionary<string, string> { ["AUTOSSH_MAXSTART"] = "0", [variable] = value };
        if (variable == "AUTOSSH_MAXSTART")
        {
            extra["AUTOSSH_MAXSTART"] = value;
            extra["AUTOSSH_PATH"] = "/bin/true";
        }

        // Act
        var real = _reference.Run(["-M", "0", "host"], extra);
        var ours = AutosshEnvironment.Read(_reference.Variables(extra));

        // Assert
        Assert.Equal(real.ExitCode == 1, ours.HasErrors);
        Assert.Equal(real.ExitCode, AutosshCommandLine.Parse(["-M", "0", "host"], ours).ImmediateExitCode ?? 0);
    }

    public void Dispose() => _reference.Dispose();
}
