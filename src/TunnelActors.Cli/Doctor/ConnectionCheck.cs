using TunnelActors.Core.Configuration;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>Step (f): one real connection with the tunnel's full command; a failure is classified and explained.</summary>
internal static class ConnectionCheck
{
    public const string Id = "connect";
    public const string Title = "ssh connects, authenticates and sets up the forwards";

    /// <summary>Runs ssh until it is up or ends; on success the running ssh is returned for the forward test (the caller stops it).</summary>
    public static async Task<(DoctorStep Step, OneShotSsh? Running)> RunAsync(
        TunnelSettings tunnel, SshResolvedConfig? resolved, DoctorOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var ssh = OneShotSsh.Start(tunnel, options, time);
        try
        {
            if (await ssh.WaitUpAsync(options.UpTimeout, time, cancellationToken))
            {
                var authenticated = ssh.Messages.FirstOrDefault(l => l.StartsWith("Authenticated to", StringComparison.Ordinal));
                var step = DoctorStep.Ok(Id, Title, [
                    $"up in {time.GetElapsedTime(started).TotalMilliseconds:0} ms{(authenticated is null ? string.Empty : ": " + authenticated)}",
                    $"forwards: {string.Join(' ', Forwards(ssh))}"]);
                return (step, ssh);
            }

            if (!ssh.Process.Exited.IsCompleted)
            {
                var lines = ssh.Messages;
                await ssh.StopAsync(options.StopGrace);
                return (new DoctorStep(Id, Title, Verdict.Fail,
                    [$"ssh did not finish setting up within {options.UpTimeout.TotalSeconds:0} s", .. lines.TakeLast(6), $"command: {ssh.Command}"],
                    ["run the command above by hand to see where it stops (it hangs after connecting: a slow server, a ProxyCommand waiting, or a forward the server never answers)"]), null);
            }

            var exit = await ssh.Process.Exited;
            var messages = ssh.Messages;
            var reason = FailureClassifier.Classify(exit with { StderrTail = messages });
            await ssh.DisposeAsync();
            return (new DoctorStep(Id, Title, Verdict.Fail,
                [$"ssh ended ({exit.Status}) after {exit.Uptime.TotalMilliseconds:0} ms: {reason}", .. messages.Where(IsTelling).TakeLast(6), $"command: {ssh.Command}"],
                [.. FailureAdvice.For(reason, messages, tunnel, resolved)]), null);
        }
        catch
        {
            await ssh.DisposeAsync();
            throw;
        }
    }

    private static IEnumerable<string> Forwards(OneShotSsh ssh)
    {
        var args = ssh.Command.Arguments;
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i] is "-L" or "-R" or "-D")
            {
                yield return $"{args[i]} {args[i + 1]}";
            }
        }
    }

    // "Transferred: ..." and "Bytes per second: ..." are ssh's statistics at exit, not reasons.
    private static bool IsTelling(string line) =>
        !line.StartsWith("Transferred:", StringComparison.Ordinal) && !line.StartsWith("Bytes per second:", StringComparison.Ordinal);
}
