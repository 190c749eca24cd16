using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Pid file semantics (autossh.md §6.2, acceptance F2).</summary>
public sealed class AutosshPidFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-autossh-pid-").FullName;

    [Fact]
    public void TryWrite_RelativePath_WritesPidAndNewlineUnderBaseDirectory()
    {
        var error = AutosshPidFile.TryWrite("x.pid", _dir, 31337, out var pidFile);

        Assert.Null(error);
        Assert.Equal(Path.Combine(_dir, "x.pid"), pidFile!.Path);
        Assert.Equal("31337\n", File.ReadAllText(Path.Combine(_dir, "x.pid")));   // F2
    }

    [Fact]
    public void TryWrite_StaleFile_IsTruncatedAndOverwritten()
    {
        var path = Path.Combine(_dir, "stale.pid");
        File.WriteAllText(path, "123456789\nmore\n");

        Assert.Null(AutosshPidFile.TryWrite(path, _dir, 7, out _));

        Assert.Equal("7\n", File.ReadAllText(path));
    }

    [Fact]
    public void Remove_OurFile_DeletesItOnce()
    {
        Assert.Null(AutosshPidFile.TryWrite("a.pid", _dir, 42, out var pidFile));

        Assert.True(pidFile!.Remove());
        Assert.False(File.Exists(pidFile.Path));
        Assert.False(pidFile.Remove());
    }

    [Fact]
    public void Remove_FileTakenOverByAnotherInstance_LeavesIt()
    {
        Assert.Null(AutosshPidFile.TryWrite("b.pid", _dir, 42, out var pidFile));
        File.WriteAllText(pidFile!.Path, "43\n");

        Assert.False(pidFile.Remove());
        Assert.Equal("43\n", File.ReadAllText(pidFile.Path));
    }

    [Fact]
    public void TryWrite_MissingDirectory_IsAutosshFatalError()
    {
        var error = AutosshPidFile.TryWrite("/nonexistent/dir/x.pid", _dir, 1, out var pidFile);

        Assert.Null(pidFile);
        Assert.StartsWith("cannot open pid file \"/nonexistent/dir/x.pid\": ", error!.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.ExitCode);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
