using System.Diagnostics;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>The floor of any recovery: a plain <c>ssh -N -L</c> from exec until its forward answers.</summary>
internal static class HandshakeFloor
{
    /// <summary>Measures <paramref name="rounds"/> plain ssh start-ups.</summary>
    public static async Task<List<Sample>> MeasureAsync(BenchContext context, int rounds, CancellationToken cancellationToken)
    {
        var samples = new List<Sample>();
        var cap = TimeSpan.FromSeconds(30);
        for (var round = 0; round < rounds; round++)
        {
            var argv = new List<string> { "/usr/bin/ssh" };
            argv.AddRange(SshArguments.CommandLine(context.Sshd.ClientKey));
            argv.AddRange(["-o", "ExitOnForwardFailure=yes", "-N", "-L", TunnelPlan.LocalForward(0), SshArguments.Destination]);
            var clock = Stopwatch.StartNew();
            await using (var ssh = ChildProcess.Start(context.Network.ClientName, argv))
            {
                var answered = await context.Prober.FirstAnswerAsync(TunnelPlan.ForwardPort(0), clock, cap, cancellationToken);
                samples.Add(answered is { } t ? Sample.Of(t.TotalSeconds) : Sample.AtCap(cap.TotalSeconds));
            }

            context.ClearSessions();
        }

        return samples;
    }
}
