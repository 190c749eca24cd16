using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Cli.Doctor;

/// <summary>Step (g): the first <c>-L</c> forward accepts a connection that stays open, and the monitor's probe makes its round trip.</summary>
internal static class ForwardCheck
{
    public const string Id = "forward";
    public const string Title = "traffic passes the tunnel";

    /// <summary>Tests through the running ssh; <paramref name="configured"/> is the tunnel as configured (its first -L may be served by the daemon).</summary>
    public static async Task<DoctorStep> RunAsync(
        TunnelSettings configured, OneShotSsh ssh, DoctorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var findings = new List<string>();
        var advice = new List<string>();
        var verdict = Verdict.Ok;
        if (configured.Local.FirstOrDefault() is { } forward)
        {
            var (ok, finding) = await HoldsAsync(forward, options.HoldTime, time, cancellationToken);
            findings.Add(finding);
            if (!ok)
            {
                verdict = Verdict.Fail;
                findings.AddRange(ssh.Messages.Where(l => l.Contains("open failed", StringComparison.Ordinal) || l.StartsWith("connect_to", StringComparison.Ordinal)).TakeLast(3));
                advice.Add($"the server could not reach {Target(forward)}: check that it listens there as seen from {configured.Destination.Host}, and that sshd allows forwarding (AllowTcpForwarding / AllowStreamLocalForwarding)");
            }
        }
        else
        {
            findings.Add("no -L forward to test");
        }

        if (ssh.Monitor.ProbeTarget is { } target)
        {
            var result = await EchoProbe.RunAsync(target, ProbeNonce.Create(configured.Name, 0, 1), configured.Monitor.MaxTimeout, time, cancellationToken);
            if (result.IsOk)
            {
                findings.Add($"monitor {configured.Monitor.Mode.ToString().ToLowerInvariant()} probe answered in {result.Elapsed.TotalMilliseconds:0.0} ms");
            }
            else
            {
                verdict = Verdict.Fail;
                findings.Add($"monitor {configured.Monitor.Mode.ToString().ToLowerInvariant()} probe via {target}: {result.Outcome} ({result.Detail})");
                advice.Add(configured.Monitor.Mode == MonitorMode.Echo
                    ? $"nothing echoes on the server's port {configured.Monitor.EchoPort}: enable an echo service there, or use monitor.mode = loop"
                    : $"the probe did not come back through the -R: the server must allow {(configured.Monitor.Transport == LoopTransport.Unix ? "AllowStreamLocalForwarding and have a writable " + configured.Monitor.RemoteSocketDir : "AllowTcpForwarding with the port free")}, or use monitor.mode = none");
            }
        }

        return new DoctorStep(Id, Title, verdict, [.. findings], [.. advice]);
    }

    private static async Task<(bool Ok, string Finding)> HoldsAsync(ForwardSpec forward, TimeSpan hold, TimeProvider time, CancellationToken cancellationToken)
    {
        EndPoint endpoint = forward.ListenSocket is { } path
            ? new UnixDomainSocketEndPoint(path)
            : new IPEndPoint(ListenPortCheck.BindAddress(forward.BindAddress) is { } a && !a.Equals(IPAddress.Any) ? a : IPAddress.Loopback, forward.ListenPort ?? 0);
        using var socket = forward.ListenSocket is not null
            ? new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            : new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = new CancellationTokenSource(hold, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            await socket.ConnectAsync(endpoint, linked.Token);
            var buffer = new byte[256];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, linked.Token);
            return read == 0
                ? (false, $"-L {forward.Spec}: {endpoint} accepted the connection and closed it at once")
                : (true, $"-L {forward.Spec}: {endpoint} accepted, the far end answered {read} bytes");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return socket.Connected
                ? (true, $"-L {forward.Spec}: {endpoint} accepted and the connection stayed open for {hold.TotalSeconds:0.#} s")
                : (false, $"-L {forward.Spec}: connecting to {endpoint} took longer than {hold.TotalSeconds:0.#} s");
        }
        catch (SocketException exception)
        {
            return (false, $"-L {forward.Spec}: {endpoint}: {exception.SocketErrorCode} ({exception.Message})");
        }
    }

    private static string Target(ForwardSpec forward) =>
        forward.TargetSocket ?? $"{forward.TargetHost}:{forward.TargetPort}";
}
