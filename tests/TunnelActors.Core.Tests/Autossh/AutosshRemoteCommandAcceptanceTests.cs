using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Spec §8 A7 on the parsing layer (command line → ssh argv → options, destination, remote command), which the
/// drop-in's remote-command support builds on.</summary>
public sealed class AutosshRemoteCommandAcceptanceTests
{
    /// <summary>Command lines with the ssh options, destination and remote command the drop-in should use.</summary>
    public static TheoryData<string[], string[], string, string[]> Splits() => new()
    {
        // A7: autossh gives ssh "host echo end" (empty words dropped); the drop-in keeps them (DEVIATIONS row 6).
        { ["-M", "0", "host", "echo", "", "end"], [], "host", ["echo", "", "end"] },
        { ["-M", "0", "--", "host", "echo", "", "end"], [], "host", ["echo", "", "end"] },
        { ["-M", "0", "host", "", "end"], [], "host", ["", "end"] },
        { ["-M", "0", "-N", "host", "echo", ""], ["-N"], "host", ["echo", ""] },
        // A7: the first -- is dropped (kept on purpose), so -M after it is ssh's master flag, not a command.
        { ["-M", "0", "--", "-M", "host"], ["-M"], "host", [] },
    };

    [Theory]
    [MemberData(nameof(Splits))]
    public void ParseAndMap_CommandLine_SplitsIntoOptionsDestinationAndCommand(string[] args, string[] options, string destination, string[] command)
    {
        // Arrange
        var environment = AutosshEnvironment.Default;

        // Act
        var settings = AutosshMapping.Map(AutosshCommandLine.Parse(args, environment), environment);

        // Assert
        Assert.Equal(options, settings.Tunnel.SshArgs.ToArray());
        Assert.Equal(destination, settings.Tunnel.Destination.Host);
        Assert.Equal(command, settings.Tunnel.RemoteCommand.ToArray());
    }

    [Fact]
    public void Parse_EmptyCommandWord_ReferenceDropsItImprovedKeepsIt()
    {
        // Arrange
        string[] args = ["-M", "0", "host", "echo", "", "end"];

        // Act
        var reference = AutosshCommandLine.Parse(args, AutosshEnvironment.Default, AutosshDialect.Reference);
        var improved = AutosshCommandLine.Parse(args, AutosshEnvironment.Default);

        // Assert: the same words reach ssh, but only the drop-in keeps the empty one (DEVIATIONS row 6).
        Assert.Equal(["echo", "end"], SshArgvSplit.Of(reference.SshArgs).Command.ToArray());
        Assert.Equal(["echo", "", "end"], SshArgvSplit.Of(improved.SshArgs).Command.ToArray());
    }
}
