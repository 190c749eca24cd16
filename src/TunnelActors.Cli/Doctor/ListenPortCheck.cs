using System.Net;
using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>Step (e): every local listener of the tunnel (<c>-L</c>, <c>-D</c>) can be bound right now.</summary>
/// <remarks>A port held by an ssh that runs this very forward (the daemon's, found through the pid registry or the holder's
/// command line) is fine: the connection test then leaves that forward out and tests the running one. Likewise a <c>-R</c>
/// that a running ssh of this tunnel serves (the server would refuse it twice) is left out of the connection test.</remarks>
internal static class ListenPortCheck
{
    public const string Id = "local-ports";
    public const string Title = "local listen ports are free";

    /// <summary>Checks each listener; returns the step and the forwards already served by this tunnel's running ssh.</summary>
    public static (DoctorStep Step, IReadOnlySet<ForwardSpec> HeldByTunnel) Run(TunnelSettings tunnel, string stateDir)
    {
        var findings = new List<string>();
        var advice = new List<string>();
        var verdict = Verdict.Ok;
        var held = new HashSet<ForwardSpec>();
        var ours = RegisteredPids(tunnel.Name, stateDir);
        foreach (var forward in tunnel.Local.Concat(tunnel.Dynamic))
        {
            if (forward.ListenSocket is { } socketPath)
            {
                var dir = Path.GetDirectoryName(socketPath);
                if (string.IsNullOrEmpty(dir) || Directory.Exists(dir))
                {
                    findings.Add($"{forward.Spec}: socket directory {dir} exists");
                    continue;
                }

                verdict = Verdict.Fail;
                findings.Add($"{forward.Spec}: the directory of {socketPath} does not exist");
                advice.Add($"create it: mkdir -p {dir} (or fix the forward)");
                continue;
            }

            if (forward.ListenPort is not { } port)
            {
                continue;
            }

            var address = BindAddress(forward.BindAddress);
            var problem = TryBind(address, port);
            if (problem is null)
            {
                findings.Add($"{address}:{port} is free ({forward.Spec})");
                continue;
            }

            if (problem != SocketError.AddressAlreadyInUse)
            {
                verdict = Verdict.Fail;
                findings.Add($"{address}:{port} cannot be bound: {problem}");
                advice.Add($"fix the bind address of {forward.Spec}: {address} is not an address of this host");
                continue;
            }

            var holders = PortHolders.Find(port);
            var mine = holders.FirstOrDefault(h => ours.Contains(h.Pid) || RunsForward(h, tunnel, forward));
            if (mine is not null)
            {
                held.Add(forward);
                findings.Add($"port {port} is held by this tunnel's running ssh, {mine}: the daemon serves it");
                continue;
            }

            verdict = verdict == Verdict.Fail ? verdict : Verdict.Warn;
            var who = holders.Count > 0 ? string.Join(", ", holders) : "a process we cannot see (another user's?)";
            findings.Add($"port {port} on {address} is in use by {who}");
            advice.Add($"local port {port} ({forward.Spec}) is taken: stop {who}, or choose another local port for this forward");
        }

        if (findings.Count == 0)
        {
            findings.Add("no local listeners (-L/-D)");
        }

        // A -R served by a running ssh of this tunnel would be refused by the server for the one-shot test: leave it out too.
        foreach (var forward in tunnel.Remote)
        {
            if (PortHolders.Processes().FirstOrDefault(p => RunsForward(p, tunnel, forward)) is { } running)
            {
                held.Add(forward);
                findings.Add($"-R {forward.Spec} is served by this tunnel's running ssh, {running}: the connection test leaves it out");
            }
        }

        return (new DoctorStep(Id, Title, verdict, [.. findings], [.. advice]), held);
    }

    /// <summary>The address ssh binds for a listener: loopback unless an address is given (GatewayPorts=no, ssh(1) -L).</summary>
    public static IPAddress BindAddress(string? bind) => bind switch
    {
        null or "" or "localhost" => IPAddress.Loopback,
        "*" => IPAddress.Any,
        _ => IPAddress.TryParse(bind.Trim('[', ']'), out var parsed) ? parsed : IPAddress.Loopback,
    };

    /// <summary>Null when <paramref name="port"/> can be bound on <paramref name="address"/> now, else the error.</summary>
    public static SocketError? TryBind(IPAddress address, int port)
    {
        try
        {
            using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen(1);
            return null;
        }
        catch (SocketException exception)
        {
            return exception.SocketErrorCode;
        }
    }

    private static HashSet<int> RegisteredPids(string tunnelName, string stateDir)
    {
        try
        {
            return PidRegistry.InStateDir(stateDir).Read(tunnelName).Select(e => e.Pid).ToHashSet();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return [];
        }
    }

    private static bool RunsForward(PortHolder holder, TunnelSettings tunnel, ForwardSpec forward)
    {
        var words = holder.CommandLine.Split(' ');
        return words.Length > 0
            && Path.GetFileName(words[0]) == Path.GetFileName(tunnel.SshPath)
            && words.Contains(forward.Spec)
            && words.Contains(tunnel.Destination.Host);
    }
}
