using TunnelActors.Cli.Tests.Support;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class CommandLineExitTests
{
    [Fact]
    public async Task Invoke_UnknownCommand_Exits2()
    {
        var (code, _, error) = await CliRunner.RunAsync("frobnicate");

        Assert.Equal(2, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task Invoke_ValidCommand_KeepsItsExitCode()
    {
        var (code, output, _) = await CliRunner.RunAsync("version");

        Assert.Equal(0, code);
        Assert.StartsWith("tunnelactors ", output, StringComparison.Ordinal);
    }
}
