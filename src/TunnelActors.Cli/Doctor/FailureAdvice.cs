using System.Globalization;
using System.Text.RegularExpressions;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>What to do about each <see cref="FailureReason"/>, filled in with the tunnel's host, port, user, key and ssh's own messages.</summary>
internal static partial class FailureAdvice
{
    /// <summary>The advice for <paramref name="reason"/>; <paramref name="lines"/> are ssh's stderr lines (without debug output).</summary>
    public static IReadOnlyList<string> For(FailureReason reason, IReadOnlyList<string> lines, TunnelSettings tunnel, SshResolvedConfig? resolved)
    {
        var host = resolved?.HostName ?? tunnel.Destination.Host;
        var port = resolved?.Port ?? tunnel.Destination.Port ?? 22;
        var user = resolved?.User ?? tunnel.Destination.User ?? Environment.UserName;
        var key = tunnel.Destination.IdentityFile ?? "the identity file";
        var portFlag = port == 22 ? string.Empty : $"-p {port} ";
        return reason switch
        {
            FailureReason.AuthFailed =>
            [
                $"the server refused every key for user '{user}': check that {key} is the right private key,",
                $"that its public key ({key}.pub) is in ~{user}/.ssh/authorized_keys on {host} (ssh-copy-id {portFlag}-i {key} {user}@{host}),",
                "and that the user is right (user = ... in the tunnel); the server's log (journalctl -u ssh) tells which key it rejected and why",
            ],
            FailureReason.HostKeyChanged =>
            [
                $"the host key of {host} differs from the one recorded in known_hosts: this may be a man-in-the-middle attack",
                $"only if you know the server was reinstalled or its key rotated: verify the new fingerprint out of band, then ssh-keygen -R {Lookup(resolved, host, port)} and record the new key",
            ],
            FailureReason.HostKeyUnknown =>
            [
                $"no host key is recorded for {Lookup(resolved, host, port)} and strict checking refuses unknown keys",
                $"record it: ssh-keyscan {portFlag}{host} >> {resolved?.KnownHostsFiles.FirstOrDefault(f => f != "/dev/null") ?? "~/.ssh/known_hosts"} (compare the fingerprint with the server's), or connect once interactively: ssh {portFlag}{user}@{host}",
            ],
            FailureReason.ConnectionRefused =>
            [
                $"nothing listens on {host} port {port}: is sshd running on the server (systemctl status ssh), and is the port right (port = {port})?",
            ],
            FailureReason.Timeout =>
            [
                $"no answer from {host}:{port}: a firewall drops the packets or there is no route; try nc -vz {host} {port}, check firewall rules, VPN and the port",
            ],
            FailureReason.Dns =>
            [
                $"the name '{host}' does not resolve: check its spelling, /etc/hosts and DNS, or use an address or a Host alias from ~/.ssh/config",
            ],
            FailureReason.LocalForwardBusy => LocalBusy(lines),
            FailureReason.RemoteForwardRefused => RemoteRefused(lines, host),
            FailureReason.ClosedByRemote =>
            [
                $"{host} closed the connection: check the server's sshd log (journalctl -u ssh) for AllowUsers/DenyUsers, MaxStartups, MaxSessions or a ForceCommand",
            ],
            FailureReason.ExecFailed => [$"the ssh program '{tunnel.SshPath}' cannot run: install openssh-client or fix ssh-path"],
            _ => [$"read ssh's messages above; run the ssh command yourself with -v to see where it stops"],
        };
    }

    private static string Lookup(SshResolvedConfig? resolved, string host, int port) =>
        resolved?.KnownHostsLookup ?? (port == 22 ? host : $"[{host}]:{port.ToString(CultureInfo.InvariantCulture)}");

    private static List<string> LocalBusy(IReadOnlyList<string> lines)
    {
        var port = lines.Select(l => LocalPortPattern().Match(l)).Where(m => m.Success).Select(m => m.Groups["port"].Value).FirstOrDefault();
        if (port is null || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return ["a local forward could not listen: its port or socket is in use; find the holder with ss -ltnp and stop it or change the forward"];
        }

        var holders = PortHolders.Find(number);
        var who = holders.Count > 0 ? $"it is held by {string.Join(", ", holders)}" : "its holder is not visible to us (ss -ltnp as root shows it)";
        return [$"local port {number} is already in use: {who}; stop that process or choose another local port"];
    }

    private static List<string> RemoteRefused(IReadOnlyList<string> lines, string host)
    {
        var listen = lines.Select(l => RemotePattern().Match(l)).Where(m => m.Success).Select(m => m.Groups["listen"].Value).FirstOrDefault() ?? "?";
        return
        [
            $"{host} refused the remote listener {listen}: something on the server already listens there, usually the stale session of an earlier ssh",
            "a stale session goes away once sshd notices its client is gone (the server's ClientAliveInterval x ClientAliveCountMax);"
                + $" or find and end it on the server (ss -ltnp | grep {listen}); the daemon keeps retrying meanwhile",
        ];
    }

    [GeneratedRegex(@"(cannot listen to port: |bind \[?[^\]\s]*\]?:)(?<port>\d+)")]
    private static partial Regex LocalPortPattern();

    [GeneratedRegex(@"remote port forwarding failed for listen (port|path) (?<listen>\S+)")]
    private static partial Regex RemotePattern();
}
