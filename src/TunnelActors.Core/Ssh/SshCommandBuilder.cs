using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Ssh;

/// <summary>Builds the ssh command of one tunnel incarnation as data.</summary>
/// <remarks>
/// Order: <c>-N</c>, the user's <c>-L</c>/<c>-R</c>/<c>-D</c>, the user's <c>-o</c> options, the default options the user
/// did not set, the pass-through arguments, the monitor forwards, <c>-p</c>, <c>-l</c>, <c>-i</c>, the destination.
/// With a <see cref="TunnelSettings.RemoteCommand"/> there is no <c>-N</c>, and the command's words follow the destination
/// behind <c>--</c> (<c>-- host words</c>): after <c>--</c> ssh reads no word as an option, not even one starting with
/// <c>-</c>, which right after the destination it otherwise would (ssh.c goes back to option parsing there).
/// ssh keeps the FIRST value it sees for an option (ssh_config(5): "the first obtained value will be used"), so the
/// user's options come before the defaults, and a default is left out when the user set its key anywhere: in
/// <see cref="TunnelSettings.SshOptions"/> or as <c>-o</c> inside <see cref="TunnelSettings.SshArgs"/> (keys compare
/// case-insensitively, as ssh does). <c>-p</c>/<c>-l</c> also only apply when no <c>-o Port</c>/<c>User</c> came first.
/// </remarks>
public static class SshCommandBuilder
{
    /// <summary>Builds the command for <paramref name="tunnel"/> plus the monitor's forwards.</summary>
    /// <exception cref="ArgumentException">The destination host would be read as an option.</exception>
    public static SshCommand Build(TunnelSettings tunnel, MonitorForwardSet? monitor = null)
    {
        ArgumentNullException.ThrowIfNull(tunnel);
        monitor ??= MonitorForwardSet.None;
        var destination = tunnel.Destination;
        if (destination.Host.Length == 0 || destination.Host.StartsWith('-'))
        {
            throw new ArgumentException($"Tunnel '{tunnel.Name}': ssh host '{destination.Host}' is empty or starts with '-'.", nameof(tunnel));
        }

        var remoteCommand = tunnel.RemoteCommand.IsDefault ? [] : tunnel.RemoteCommand;
        var args = new List<string>();
        if (remoteCommand.IsEmpty)
        {
            args.Add("-N");
        }

        AddForwards(args, "-L", tunnel.Local);
        AddForwards(args, "-R", tunnel.Remote);
        AddForwards(args, "-D", tunnel.Dynamic);

        var userKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in tunnel.SshOptions)
        {
            args.Add("-o");
            args.Add($"{key}={value}");
            userKeys.Add(key);
        }

        userKeys.UnionWith(SshOptionScanner.OptionKeys(tunnel.SshArgs));
        foreach (var (key, value) in DefaultsFor(tunnel, monitor))
        {
            if (userKeys.Add(key))
            {
                args.Add("-o");
                args.Add($"{key}={value}");
            }
        }

        args.AddRange(tunnel.SshArgs);
        foreach (var forward in monitor.Forwards)
        {
            args.Add(forward.Flag);
            args.Add(forward.Spec);
        }

        if (destination.Port is { } port)
        {
            args.Add("-p");
            args.Add(port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (destination.User is { } user)
        {
            args.Add("-l");
            args.Add(user);
        }

        if (destination.IdentityFile is { } identity)
        {
            args.Add("-i");
            args.Add(identity);
        }

        if (!remoteCommand.IsEmpty)
        {
            args.Add("--");
        }

        args.Add(destination.Host);
        args.AddRange(remoteCommand);
        return SshCommand.Create(tunnel.SshPath, args);
    }

    private static IEnumerable<KeyValuePair<string, string>> DefaultsFor(TunnelSettings tunnel, MonitorForwardSet monitor)
    {
        foreach (var option in SshDefaultOptions.Always)
        {
            yield return option;
        }

        var unixForward = monitor.UsesUnixSockets
            || tunnel.Local.Concat(tunnel.Remote).Any(f => f.ListenSocket is not null || f.TargetSocket is not null);
        if (unixForward)
        {
            yield return SshDefaultOptions.StreamLocalBindUnlink;
        }

        if (tunnel.Destination.IdentityFile is not null)
        {
            yield return SshDefaultOptions.IdentitiesOnly;
        }
    }

    private static void AddForwards(List<string> args, string flag, IEnumerable<ForwardSpec> forwards)
    {
        foreach (var forward in forwards)
        {
            args.Add(flag);
            args.Add(forward.Spec);
        }
    }
}
