using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class ExecutableResolverTests
{
    [Fact]
    public void Resolve_NameOnPath_FirstExecutableMatch()
    {
        Assert.Equal("/bin/sh", ExecutableResolver.Resolve("sh", "/nonexistent:/bin:/usr/bin"));
    }

    [Fact]
    public void Resolve_PathWithSlash_UsedAsIs()
    {
        Assert.Equal("/bin/sh", ExecutableResolver.Resolve("/bin/sh"));
        Assert.Null(ExecutableResolver.Resolve("/nonexistent/ssh"));
    }

    [Fact]
    public void Resolve_NotExecutable_Null()
    {
        Assert.Null(ExecutableResolver.Resolve("passwd", "/etc"));
    }
}
