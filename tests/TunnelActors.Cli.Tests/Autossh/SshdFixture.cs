using System.Globalization;
using TunnelActors.Core.Sandbox;

namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>One throwaway sshd on 127.0.0.1 for a test class (none when its prerequisites are missing).</summary>
public sealed class SshdFixture : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("autossh-sshd-").FullName;

    public ThrowawaySshd? Sshd { get; private set; }

    /// <summary>What replaces a seed's <c>user@example.com</c>: trust exactly this sshd, its key and port.</summary>
    public IReadOnlyList<string> Destination(params string[] extraOptions)
    {
        var sshd = Sshd ?? throw new InvalidOperationException("no sshd");
        return
        [
            "-o", $"UserKnownHostsFile={sshd.KnownHostsPath}", "-o", "GlobalKnownHostsFile=/dev/null", "-o", "IdentitiesOnly=yes",
            .. extraOptions,
            "-i", sshd.ClientKeyPath, "-p", sshd.Port.ToString(CultureInfo.InvariantCulture), $"{Environment.UserName}@127.0.0.1",
        ];
    }

    /// <summary>A ProxyCommand that serves each connection with <c>sshd -i</c> in a new network namespace, so the
    /// server's loopback is its own (autossh's loop monitor cannot run against a server on the same loopback).</summary>
    public string PrivateLoopbackProxy() =>
        $"ProxyCommand=unshare -n sh -c 'ip link set lo up; exec {ThrowawaySshd.SshdPath} -i -f {Path.Combine(Sshd!.Directory, "sshd_config")}'";

    public async Task InitializeAsync()
    {
        if (ThrowawaySshd.MissingPrerequisites() is null)
        {
            Sshd = await ThrowawaySshd.StartAsync(_dir, TimeProvider.System);
        }
    }

    public async Task DisposeAsync()
    {
        if (Sshd is not null)
        {
            await Sshd.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }
}
