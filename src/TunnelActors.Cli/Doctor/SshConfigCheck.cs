using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>Step (b): <c>ssh -G</c> with the tunnel's own arguments (no <c>-N</c>, no forwards) must succeed.</summary>
internal static class SshConfigCheck
{
    public const string Id = "ssh-config";
    public const string Title = "ssh accepts the tunnel's options (ssh -G)";

    /// <summary>The arguments of <c>ssh -G</c>: the tunnel's command without <c>-N</c>, forwards or remote command.</summary>
    public static IReadOnlyList<string> Arguments(TunnelSettings tunnel)
    {
        var built = SshCommandBuilder.Build(tunnel with { RemoteCommand = [] }).Arguments;
        var args = new List<string> { "-G" };
        for (var i = 0; i < built.Length; i++)
        {
            if (built[i] is "-L" or "-R" or "-D" && i + 1 < built.Length)
            {
                i++;
            }
            else if (built[i] != "-N")
            {
                args.Add(built[i]);
            }
        }

        return args;
    }

    /// <summary>Runs <c>ssh -G</c>; the resolved configuration is null when the step failed.</summary>
    public static async Task<(DoctorStep Step, SshResolvedConfig? Resolved)> RunAsync(
        TunnelSettings tunnel, DoctorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var result = await ToolRunner.RunAsync(tunnel.SshPath, Arguments(tunnel), options.ToolTimeout, time, cancellationToken);
        if (result.Problem is { } problem)
        {
            return (new DoctorStep(Id, Title, Verdict.Fail, [problem],
                [$"install openssh-client, or set ssh-path in the tunnel to the ssh program (now '{tunnel.SshPath}')"]), null);
        }

        if (!result.Succeeded)
        {
            return (new DoctorStep(Id, Title, Verdict.Fail, [$"ssh -G exited {result.ExitCode}", .. result.ErrorLines.TakeLast(5)],
                ["ssh rejects an option: fix ssh-options / ssh-args of the tunnel (or ~/.ssh/config) as the message says"]), null);
        }

        var resolved = SshResolvedConfig.Parse(result.Stdout);
        var identities = resolved.IdentityFiles.Where(File.Exists).ToList();
        return (DoctorStep.Ok(Id, Title,
            $"hostname {resolved.HostName}, port {resolved.Port}, user {resolved.User}",
            $"identityfile {(identities.Count > 0 ? string.Join(", ", identities) : "(none of " + string.Join(", ", resolved.IdentityFiles) + " exists)")}",
            $"stricthostkeychecking {resolved.StrictHostKeyChecking}, known hosts {string.Join(", ", resolved.KnownHostsFiles)}"), resolved);
    }
}
