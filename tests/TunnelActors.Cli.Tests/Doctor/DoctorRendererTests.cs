using TunnelActors.Cli.Doctor;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class DoctorRendererTests
{
    [Fact]
    public void Render_FailedStep_ShowsVerdictFindingsAdviceAndTally()
    {
        var report = new DoctorReport("web", "/etc/t.conf",
        [
            DoctorStep.Ok("config", "the configuration binds", "tunnel web"),
            new DoctorStep("host-key", "server host key is known", Verdict.Warn, ["no host key"], ["ssh-keyscan"]),
            new DoctorStep("connect", "ssh connects", Verdict.Fail, ["exit 255"], ["start sshd"]),
            DoctorStep.Skip("forward", "traffic passes", "no connection"),
        ]);

        var lines = DoctorRenderer.Render(report).TrimEnd('\n').Split('\n');

        Assert.Equal(
        [
            "doctor: tunnel web (/etc/t.conf)",
            "[  ok] the configuration binds",
            "       tunnel web",
            "[warn] server host key is known",
            "       no host key",
            "    -> ssh-keyscan",
            "[fail] ssh connects",
            "       exit 255",
            "    -> start sshd",
            "[skipped] traffic passes",
            "       no connection",
            "result: 1 failed, 1 warning",
        ], lines);
        Assert.Equal(1, report.ExitCode);
    }
}
