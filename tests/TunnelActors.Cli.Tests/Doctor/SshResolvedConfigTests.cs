using TunnelActors.Cli.Doctor;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class SshResolvedConfigTests
{
    private const string Output = """
        user deploy
        hostname db.example
        port 2222
        stricthostkeychecking accept-new
        identityfile ~/.ssh/id_ed25519
        identityfile /keys/extra
        userknownhostsfile ~/.ssh/known_hosts ~/.ssh/known_hosts2
        globalknownhostsfile /etc/ssh/ssh_known_hosts
        """;

    [Fact]
    public void Parse_SshGOutput_ReadsHostPortUserAndStrictness()
    {
        var resolved = SshResolvedConfig.Parse(Output);

        Assert.Equal("db.example", resolved.HostName);
        Assert.Equal(2222, resolved.Port);
        Assert.Equal("deploy", resolved.User);
        Assert.Equal("accept-new", resolved.StrictHostKeyChecking);
    }

    [Fact]
    public void IdentityAndKnownHostsFiles_TildeAndLists_ExpandedAndSplit()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

        var resolved = SshResolvedConfig.Parse(Output);

        Assert.Equal([home + "/.ssh/id_ed25519", "/keys/extra"], resolved.IdentityFiles.ToArray());
        Assert.Equal([home + "/.ssh/known_hosts", home + "/.ssh/known_hosts2", "/etc/ssh/ssh_known_hosts"], resolved.KnownHostsFiles.ToArray());
    }

    [Theory]
    [InlineData("hostname h\nport 22\n", "h")]
    [InlineData("hostname h\nport 2200\n", "[h]:2200")]
    [InlineData("hostname h\nport 2200\nhostkeyalias alias\n", "[alias]:2200")]
    public void KnownHostsLookup_ByPortAndAlias_UsesKnownHostsNaming(string output, string expected) =>
        Assert.Equal(expected, SshResolvedConfig.Parse(output).KnownHostsLookup);
}
