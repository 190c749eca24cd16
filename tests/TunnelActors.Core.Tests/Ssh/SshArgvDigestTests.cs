using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class SshArgvDigestTests
{
    [Fact]
    public void Compute_KnownInput_MatchesSha256OfNulTerminatedElements()
    {
        // printf 'ssh\0-N\0h\0' | sha256sum
        var digest = SshArgvDigest.Compute("ssh", ["-N", "h"]);

        var expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("ssh\0-N\0h\0"u8));
        Assert.Equal(expected, digest);
    }

    [Fact]
    public void Compute_SameCharactersDifferentSplit_Differs()
    {
        Assert.NotEqual(SshArgvDigest.Compute("ssh", ["-N", "ab"]), SshArgvDigest.Compute("ssh", ["-Na", "b"]));
    }
}
