using TunnelActors.Cli.Configuration;

namespace TunnelActors.Cli.Tests.Configuration;

public sealed class DefaultPathsTests
{
    [Fact]
    public void StateDir_Root_IsVarLib() =>
        Assert.Equal("/var/lib/tunnelactors", DefaultPaths.StateDir(_ => "/root", isRoot: true));

    [Fact]
    public void StateDir_UserWithXdgStateHome_IsUnderIt() =>
        Assert.Equal("/home/u/.state/tunnelactors", DefaultPaths.StateDir(k => k == "XDG_STATE_HOME" ? "/home/u/.state" : "/home/u", isRoot: false));

    [Fact]
    public void StateDir_UserWithoutXdg_IsLocalState() =>
        Assert.Equal("/home/u/.local/state/tunnelactors", DefaultPaths.StateDir(k => k == "HOME" ? "/home/u" : null, isRoot: false));
}
