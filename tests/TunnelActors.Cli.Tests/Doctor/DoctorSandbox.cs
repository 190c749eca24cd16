using System.Net;
using System.Net.Sockets;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Doctor;

/// <summary>A throwaway sshd on 127.0.0.1, a TCP server behind it that accepts and holds connections, and config files for doctor.</summary>
public sealed class DoctorSandbox : IAsyncLifetime
{
    private readonly List<Socket> _held = [];
    private TcpListener? _target;
    private Task? _accepting;

    public string Dir { get; } = Directory.CreateTempSubdirectory("ta-doc-").FullName;

    public ThrowawaySshd Sshd { get; private set; } = null!;

    /// <summary>The port of the server the tunnel's -L forwards to.</summary>
    public int TargetPort => ((IPEndPoint)_target!.LocalEndpoint).Port;

    public async Task InitializeAsync()
    {
        if (ThrowawaySshd.MissingPrerequisites() is not null)
        {
            return;
        }

        Sshd = await ThrowawaySshd.StartAsync(Dir, TimeProvider.System);
        _target = new TcpListener(IPAddress.Loopback, 0);
        _target.Start();
        _accepting = AcceptAsync(_target);
    }

    /// <summary>Writes a configuration with one tunnel <c>t1</c> and returns its path.</summary>
    public string WriteConfig(
        int? sshPort = null, string? key = null, string? knownHosts = null, int? localPort = null, int? targetPort = null, string remote = "", string sshArgs = "")
    {
        var local = $"127.0.0.1:{localPort ?? LoopbackPorts.FindFree()}:127.0.0.1:{targetPort ?? TargetPort}";
        var path = Path.Combine(Dir, $"doctor-{Guid.NewGuid():N}.conf");
        File.WriteAllText(path, $$"""
            tunnelactors {
              state-dir = "{{Dir}}/state"
              tunnels {
                t1 {
                  host = "127.0.0.1"
                  port = {{sshPort ?? Sshd.Port}}
                  user = "{{Environment.UserName}}"
                  identity-file = "{{key ?? Sshd.ClientKeyPath}}"
                  local = ["{{local}}"]
                  remote = [{{remote}}]
                  ssh-args = [{{sshArgs}}]
                  ssh-options {
                    UserKnownHostsFile = "{{knownHosts ?? Sshd.KnownHostsPath}}"
                    GlobalKnownHostsFile = "/dev/null"
                    StrictHostKeyChecking = yes
                    UpdateHostKeys = no
                  }
                  monitor { mode = loop, remote-socket-dir = "{{Dir}}" }
                }
              }
            }
            """);
        return path;
    }

    /// <summary>A new key pair that the sshd does not authorize.</summary>
    public async Task<string> NewKeyAsync()
    {
        var path = Path.Combine(Dir, $"other-{Guid.NewGuid():N}");
        var (code, _, error) = await ChildProcess.RunAsync("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path);
        Assert.True(code == 0, error);
        return path;
    }

    public async Task DisposeAsync()
    {
        _target?.Stop();
        if (_accepting is not null)
        {
            await _accepting;
        }

        lock (_held)
        {
            _held.ForEach(s => s.Dispose());
        }

        if (Sshd is not null)
        {
            await Sshd.DisposeAsync();
        }

        Directory.Delete(Dir, recursive: true);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        try
        {
            while (true)
            {
                var socket = await listener.AcceptSocketAsync();
                lock (_held)
                {
                    _held.Add(socket);
                }
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
            // Stopped.
        }
    }
}
