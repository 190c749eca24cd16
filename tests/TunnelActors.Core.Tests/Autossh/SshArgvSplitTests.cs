using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Tests of <see cref="SshArgvSplit"/>: ssh's non-permuting reading of its argv.</summary>
public sealed class SshArgvSplitTests
{
    [Theory]
    [InlineData(new[] { "-N", "host" }, new[] { "-N" }, "host", new string[0])]
    [InlineData(new[] { "-L", "8080:h:80", "-p22", "user@host", "ls", "-la" }, new[] { "-L", "8080:h:80", "-p22" }, "user@host", new[] { "ls", "-la" })]
    [InlineData(new[] { "host", "-N", "-o", "A=b", "ls", "-f" }, new[] { "-N", "-o", "A=b" }, "host", new[] { "ls", "-f" })]
    [InlineData(new[] { "-J", "jump", "host" }, new[] { "-J", "jump" }, "host", new string[0])]
    [InlineData(new[] { "-NL", "1:h:2", "host" }, new[] { "-NL", "1:h:2" }, "host", new string[0])]
    [InlineData(new[] { "-M", "host" }, new[] { "-M" }, "host", new string[0])]
    [InlineData(new[] { "--", "host", "-v" }, new string[0], "host", new[] { "-v" })]
    [InlineData(new[] { "host", "--", "-v" }, new string[0], "host", new[] { "-v" })]
    [InlineData(new[] { "-l", "", "host" }, new[] { "-l", "" }, "host", new string[0])]
    [InlineData(new[] { "-N" }, new[] { "-N" }, null, new string[0])]
    public void Of_Argv_SplitsLikeSsh(string[] args, string[] options, string? destination, string[] command)
    {
        var split = SshArgvSplit.Of(args);

        Assert.Equal(options, split.Options.ToArray());
        Assert.Equal(destination, split.Destination);
        Assert.Equal(command, split.Command.ToArray());
    }
}
