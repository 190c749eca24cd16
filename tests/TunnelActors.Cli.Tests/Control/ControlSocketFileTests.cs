using System.Net.Sockets;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Tests.Control;

public sealed class ControlSocketFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-sockfile-").FullName;

    [Fact]
    public void Prepare_MissingStateDir_CreatesItWithMode0700()
    {
        var state = Path.Combine(_dir, "state");

        ControlSocketFile.Prepare(state, Path.Combine(state, "control.sock"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
    }

    [Fact]
    public void Prepare_ExistingLooseStateDir_TightensItTo0700()
    {
        var state = Directory.CreateDirectory(Path.Combine(_dir, "state")).FullName;
        File.SetUnixFileMode(state, (UnixFileMode)0b111_101_101);

        ControlSocketFile.Prepare(state, Path.Combine(state, "control.sock"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(state));
    }

    [Fact]
    public void Prepare_StaleSocketFile_RemovesIt()
    {
        var socket = Path.Combine(_dir, "control.sock");
        File.WriteAllText(socket, "");

        ControlSocketFile.Prepare(_dir, socket);

        Assert.False(File.Exists(socket));
    }

    [Fact]
    public void Prepare_LiveSocket_ThrowsAndKeepsIt()
    {
        var socket = Path.Combine(_dir, "control.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        listener.Listen();

        var error = Assert.Throws<IOException>(() => ControlSocketFile.Prepare(_dir, socket));

        Assert.Contains("another daemon", error.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(socket));
    }

    [Fact]
    public void Secure_BoundSocket_IsMode0600()
    {
        var socket = Path.Combine(_dir, "control.sock");
        using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        listener.Bind(new UnixDomainSocketEndPoint(socket));
        File.SetUnixFileMode(socket, (UnixFileMode)0b111_111_111);

        ControlSocketFile.Secure(socket);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(socket));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
