using System.Globalization;

namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>The sshd_config of <see cref="SshdFixture"/>: loopback only, key auth only, every kind of forwarding allowed.</summary>
public static class SshdConfigFile
{
    /// <summary>The config lines for a sshd on 127.0.0.1:<paramref name="port"/>.</summary>
    public static IReadOnlyList<string> Lines(int port, string hostKey, string authorizedKeys, SshdOptions options)
    {
        var lines = new List<string>
        {
            "ListenAddress 127.0.0.1",
            $"Port {port.ToString(CultureInfo.InvariantCulture)}",
            $"HostKey {hostKey}",
            $"AuthorizedKeysFile {authorizedKeys}",
            "StrictModes no",
            "UsePAM no",
            "PidFile none",
            "PermitRootLogin prohibit-password",
            "PubkeyAuthentication yes",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "AllowTcpForwarding yes",
            "AllowStreamLocalForwarding yes",
            "StreamLocalBindUnlink yes",
            "GatewayPorts no",
            "UseDNS no",
            "PrintMotd no",
            "LoginGraceTime 10",
            $"ClientAliveInterval {options.ClientAliveInterval.ToString(CultureInfo.InvariantCulture)}",
            $"ClientAliveCountMax {options.ClientAliveCountMax.ToString(CultureInfo.InvariantCulture)}",
        };
        lines.AddRange(options.ExtraConfig ?? []);
        return lines;
    }
}
