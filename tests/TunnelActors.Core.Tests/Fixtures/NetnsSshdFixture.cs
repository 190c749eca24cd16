using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>An sshd in a private network namespace <c>ta-test-&lt;random&gt;</c>, reached through
/// <c>ProxyCommand ip netns exec NS nc 127.0.0.1 PORT</c>; its loopback is separate from ours, so loop-mode TCP ports
/// do not collide and the whole "server" can be black-holed with iptables.</summary>
/// <remarks>Needs root (use <see cref="RequiresRootFactAttribute"/>). The namespace is always deleted on dispose.</remarks>
public sealed class NetnsSshdFixture : IAsyncDisposable
{
    private const int CloneNewNet = 0x40000000;
    private readonly List<EchoServer> _echoServers = [];
    private bool _blackholed;

    private NetnsSshdFixture(string name)
    {
        Namespace = name;
    }

    /// <summary>The namespace name.</summary>
    public string Namespace { get; }

    /// <summary>The sshd inside the namespace (its <see cref="SshdFixture.ClientOptions"/> include the ProxyCommand).</summary>
    public SshdFixture Sshd { get; private set; } = null!;

    /// <summary>Creates the namespace (lo up) and starts sshd in it.</summary>
    public static async Task<NetnsSshdFixture> StartAsync(SshdOptions? options = null)
    {
        var fixture = new NetnsSshdFixture("ta-test-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            ProcessRunner.RunChecked("ip", "netns", "add", fixture.Namespace);
            ProcessRunner.RunChecked("ip", "netns", "exec", fixture.Namespace, "ip", "link", "set", "lo", "up");
            fixture.Sshd = await SshdFixture.StartAsync((options ?? new SshdOptions()) with { Namespace = fixture.Namespace });
            return fixture;
        }
        catch
        {
            await fixture.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts an in-process echo server whose socket lives INSIDE the namespace (on its 127.0.0.1).</summary>
    public EchoServer StartEchoServer(EchoMode mode = EchoMode.Echo, int port = 0)
    {
        Socket? socket = null;
        Exception? error = null;
        // setns(2) switches only the calling thread; a socket keeps the namespace it was created in.
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle($"/run/netns/{Namespace}");
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                {
                    throw new InvalidOperationException($"setns failed: errno {Marshal.GetLastPInvokeError()}");
                }

                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Loopback, port));
                socket.Listen(32);
            }
            catch (Exception e)
            {
                error = e;
                socket?.Dispose();
            }
        });
        thread.Start();
        thread.Join();
        if (error is not null)
        {
            throw new InvalidOperationException("Could not listen inside the namespace.", error);
        }

        var server = EchoServer.StartOn(socket!, mode);
        _echoServers.Add(server);
        return server;
    }

    /// <summary>Drops every packet inside the namespace (<c>iptables -A INPUT -j DROP</c>): open connections freeze.</summary>
    public void Blackhole()
    {
        ProcessRunner.RunChecked("ip", "netns", "exec", Namespace, "iptables", "-A", "INPUT", "-j", "DROP");
        _blackholed = true;
    }

    /// <summary>Removes the black hole.</summary>
    public void Restore()
    {
        ProcessRunner.RunChecked("ip", "netns", "exec", Namespace, "iptables", "-D", "INPUT", "-j", "DROP");
        _blackholed = false;
    }

    /// <summary>Stops everything in the namespace and deletes it (each step runs even if an earlier one fails).</summary>
    public async ValueTask DisposeAsync()
    {
        var errors = new List<Exception>();
        foreach (var server in _echoServers)
        {
            await Try(async () => await server.DisposeAsync());
        }

        if (Sshd is not null)
        {
            await Try(async () => await Sshd.DisposeAsync());
        }

        if (_blackholed)
        {
            await Try(() => Task.FromResult(ProcessRunner.Run("ip", "netns", "exec", Namespace, "iptables", "-D", "INPUT", "-j", "DROP")));
        }

        // Anything still running in the namespace (a proxy nc, a session) would keep it busy.
        await Try(() =>
        {
            var pids = ProcessRunner.Run("ip", "netns", "pids", Namespace).StandardOutput;
            foreach (var line in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            {
                if (int.TryParse(line, out var pid) && pid != Environment.ProcessId)
                {
                    TunnelActors.Core.Ssh.NativeMethods.Kill(pid, TunnelActors.Core.Ssh.UnixSignal.Kill);
                }
            }

            return Task.CompletedTask;
        });
        ProcessRunner.Run("ip", "netns", "delete", Namespace);
        if (errors.Count > 0)
        {
            throw new AggregateException("Namespace fixture cleanup failed (the namespace was deleted).", errors);
        }

        async Task Try(Func<Task> step)
        {
            try
            {
                await step();
            }
            catch (Exception e)
            {
                errors.Add(e);
            }
        }
    }

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);
}
