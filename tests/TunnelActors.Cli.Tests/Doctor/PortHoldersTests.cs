using System.Net;
using System.Net.Sockets;
using TunnelActors.Cli.Doctor;

namespace TunnelActors.Cli.Tests.Doctor;

public sealed class PortHoldersTests
{
    [Fact]
    public void ListeningInodes_ProcNetTcp_OnlyListeningSocketsOfThePort()
    {
        var root = Directory.CreateTempSubdirectory("ta-proc-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "net"));
            File.WriteAllLines(Path.Combine(root, "net", "tcp"),
            [
                "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode",
                "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 111 1 0 100 0 0 10 0",
                "   1: 0100007F:1F90 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 222 1 0 20 4 30 10 -1",
                "   2: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 333 1 0 100 0 0 10 0",
            ]);

            var inodes = PortHolders.ListeningInodes(8080, root);

            Assert.Equal(["socket:[111]"], inodes);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void Find_OwnListener_ReturnsThisProcess()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();

        var holders = PortHolders.Find(((IPEndPoint)listener.LocalEndpoint).Port);

        Assert.Contains(holders, h => h.Pid == Environment.ProcessId);
    }
}
