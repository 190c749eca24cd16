using TunnelActors.Cli.Doctor;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class ToolRunnerTests
{
    [Fact]
    public async Task RunAsync_ProgramExits_StatusAndOutput()
    {
        var result = await ToolRunner.RunAsync("sh", ["-c", "echo out; echo err >&2; exit 3"], TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("out\n", result.Stdout);
        Assert.Equal(["err"], result.ErrorLines);
        Assert.Null(result.Problem);
    }

    [Fact]
    public async Task RunAsync_MissingProgram_ProblemNoStatus()
    {
        var result = await ToolRunner.RunAsync("no-such-program-ta", [], TimeSpan.FromSeconds(30), TimeProvider.System, CancellationToken.None);

        Assert.Null(result.ExitCode);
        Assert.Contains("not found", result.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_ProgramOutlivesTimeout_KilledWithProblem()
    {
        var result = await ToolRunner.RunAsync("sleep", ["60"], TimeSpan.FromMilliseconds(300), TimeProvider.System, CancellationToken.None);

        Assert.Null(result.ExitCode);
        Assert.Contains("did not finish", result.Problem, StringComparison.Ordinal);
    }
}
