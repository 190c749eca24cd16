using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Tests.Configuration;

public sealed class PathExpanderTests
{
    [Theory]
    [InlineData("~/.ssh/id_ed25519", "/home/op/.ssh/id_ed25519")]
    [InlineData("~", "/home/op")]
    [InlineData("/etc/key", "/etc/key")]
    [InlineData("~other/key", "~other/key")]
    public void Expand_Tilde_UsesHome(string path, string expected)
    {
        // Act + Assert
        Assert.Equal(expected, PathExpander.Expand(path, RepoFiles.Home));
    }
}
