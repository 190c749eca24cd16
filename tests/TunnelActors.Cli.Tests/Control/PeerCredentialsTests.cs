using System.Net.Sockets;
using TunnelActors.Cli.Control;

namespace TunnelActors.Cli.Tests.Control;

public sealed class PeerCredentialsTests
{
    [Fact]
    public async Task Read_AcceptedUnixConnection_IsThisProcess()
    {
        var dir = Directory.CreateTempSubdirectory("ta-cred-").FullName;
        try
        {
            var path = Path.Combine(dir, "s.sock");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen();
            using var client = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await client.ConnectAsync(new UnixDomainSocketEndPoint(path));
            using var accepted = await listener.AcceptAsync();

            var peer = PeerCredentials.Read(accepted);

            Assert.NotNull(peer);
            Assert.Equal(Environment.ProcessId, peer.Value.Pid);
            Assert.Equal(PeerCredentials.OwnUid, peer.Value.Uid);
            Assert.True(peer.Value.IsTrusted);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void IsTrusted_OtherUid_IsFalseUnlessRoot()
    {
        Assert.False(new PeerCredentials(1, 65534, 65534).IsTrusted || PeerCredentials.OwnUid == 65534);
        Assert.True(new PeerCredentials(1, 0, 0).IsTrusted);
    }

    [Fact]
    public void Read_TcpSocket_IsNull()
    {
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

        var peer = PeerCredentials.Read(tcp);

        Assert.True(peer is null || peer.Value.Pid == 0);
    }
}
