namespace TunnelActors.Cli.Doctor;

/// <summary>Step (d): the server's host key is already known (<c>ssh-keygen -F</c> over ssh's known_hosts files).</summary>
internal static class HostKeyCheck
{
    public const string Id = "host-key";
    public const string Title = "server host key is known";

    /// <summary>Looks the server up in every known_hosts file ssh would read.</summary>
    public static async Task<DoctorStep> RunAsync(SshResolvedConfig resolved, DoctorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var lookup = resolved.KnownHostsLookup;
        var files = resolved.KnownHostsFiles.Where(f => f != "/dev/null" && File.Exists(f)).ToList();
        foreach (var file in files)
        {
            var result = await ToolRunner.RunAsync("ssh-keygen", ["-F", lookup, "-f", file], options.ToolTimeout, time, cancellationToken);
            if (result.Problem is { } problem)
            {
                return new DoctorStep(Id, Title, Verdict.Warn, [problem], ["install openssh-client to let doctor check host keys"]);
            }

            if (result.Succeeded && result.Stdout.Contains("found", StringComparison.Ordinal))
            {
                return DoctorStep.Ok(Id, Title, $"{lookup} is known in {file}");
            }
        }

        var userFile = resolved.KnownHostsFiles.FirstOrDefault(f => f != "/dev/null") ?? "~/.ssh/known_hosts";
        var consequence = resolved.StrictHostKeyChecking switch
        {
            "true" => "StrictHostKeyChecking=yes: ssh will refuse to connect",
            "ask" => "StrictHostKeyChecking=ask with BatchMode: ssh will refuse to connect (nobody can answer the question)",
            "accept-new" => "StrictHostKeyChecking=accept-new: the first connection will trust and record whatever key the server shows",
            _ => "StrictHostKeyChecking=no: the server is not verified at all, a man-in-the-middle would go unnoticed",
        };
        var port = resolved.Port == 22 ? string.Empty : $"-p {resolved.Port} ";
        return new DoctorStep(Id, Title, Verdict.Warn,
            [$"no host key for {lookup} in {(files.Count > 0 ? string.Join(", ", files) : "any known_hosts file (none exists)")}", consequence],
            [
                $"record the key: ssh-keyscan {port}{resolved.HostKeyName} >> {userFile} (then compare ssh-keygen -lf {userFile} with the server's fingerprint)",
                $"or connect once interactively as this user and accept the key: ssh {port}{resolved.User}@{resolved.HostName}",
            ]);
    }
}
