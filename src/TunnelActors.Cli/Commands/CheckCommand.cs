using System.CommandLine;
using System.Globalization;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Commands;

/// <summary><c>tunnelactors check -c FILE</c>: validates a tunnel configuration and shows what each tunnel will do.</summary>
internal static class CheckCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config", "-c") { Description = "The configuration file to check.", Required = true };
        var command = new Command("check", "Validate a tunnel configuration and print each tunnel's resolved settings, or every error found.");
        command.Options.Add(config);
        command.SetAction(parseResult =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var path = parseResult.GetValue(config)!;
            var result = ConfigurationBinder.Load(path);
            if (result.Settings is not { } settings)
            {
                var error = parseResult.InvocationConfiguration.Error;
                foreach (var problem in result.Errors)
                {
                    error.WriteLine(problem);
                }

                error.WriteLine($"{path}: {result.Errors.Length} error{(result.Errors.Length == 1 ? string.Empty : "s")}; nothing was started");
                return 1;
            }

            Print(output, settings);
            output.WriteLine($"{path}: OK, {settings.Tunnels.Length} tunnel{(settings.Tunnels.Length == 1 ? string.Empty : "s")}, digest {settings.Digest}");
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, TunnelActorsSettings settings)
    {
        output.WriteLine($"state-dir   {settings.StateDir}");
        output.WriteLine($"supervisor  at most {settings.Supervisor.MaxConcurrentHandshakes} handshakes at once, handshake timeout {Span(settings.Supervisor.HandshakeTimeout)}");
        output.WriteLine($"journal     {settings.Journal.Path}, keep {Maybe(settings.Journal.RetentionAge)} / {settings.Journal.RetentionRowsPerTunnel?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"} events per tunnel");
        output.WriteLine($"control     {settings.Control.SocketPath}{(settings.Control.TcpPort is { } p ? $", tcp 127.0.0.1:{p} (token {settings.Control.TokenFile})" : string.Empty)}");
        foreach (var t in settings.Tunnels)
        {
            var d = t.Destination;
            output.WriteLine();
            output.WriteLine($"tunnel {t.Name}");
            output.WriteLine($"  ssh       {t.SshPath} {(d.User is null ? string.Empty : d.User + "@")}{d.Host}{(d.Port is { } port ? $" port {port}" : string.Empty)}{(d.IdentityFile is null ? string.Empty : $" identity {d.IdentityFile}")}");
            foreach (var (label, forwards) in new[] { ("-L", t.Local), ("-R", t.Remote), ("-D", t.Dynamic) })
            {
                foreach (var forward in forwards)
                {
                    output.WriteLine($"  {label}        {forward.Spec}");
                }
            }

            output.WriteLine($"  options   {string.Join(' ', t.SshOptions.Select(o => $"{o.Key}={o.Value}"))}");
            if (t.SshArgs.Length > 0)
            {
                output.WriteLine($"  args      {string.Join(' ', t.SshArgs)}");
            }

            var m = t.Monitor;
            output.WriteLine(m.Mode switch
            {
                MonitorMode.None => "  monitor   none (ssh keepalives only)",
                _ => $"  monitor   {m.Mode.ToString().ToLowerInvariant()}{(m.Mode == MonitorMode.Loop ? "/" + m.Transport.ToString().ToLowerInvariant() : string.Empty)}"
                    + $"{(m.Port is { } mp ? $" port {mp}" : string.Empty)}, every {Span(m.Interval)}, timeout {Span(m.Timeout)} ({Span(m.MinTimeout)}..{Span(m.MaxTimeout)}), "
                    + $"{m.ConfirmRetries} confirm retries {Span(m.ConfirmInterval)} apart, first probe after {Span(m.FirstProbeDelay)}",
            });
            var b = t.Backoff;
            output.WriteLine($"  backoff   {Span(b.Min)}..{Span(b.Max)}, jitter {b.RandomFactor.ToString(CultureInfo.InvariantCulture)}, stable after {Span(b.StableAfter)}{(b.ImmediateFirstRestart ? ", first restart immediate" : string.Empty)}");
            var l = t.Limits;
            output.WriteLine($"  limits    gate-time {Span(l.GateTime)}, max-starts {l.MaxStarts?.ToString(CultureInfo.InvariantCulture) ?? "unlimited"}, max-lifetime {Maybe(l.MaxLifetime)}, "
                + $"{(l.RestartOnCleanExit ? "restart" : "stop")} on clean exit, stop grace {Span(t.StopGracePeriod)}");
        }

        output.WriteLine();
    }

    private static string Maybe(TimeSpan? span) => span is { } s ? Span(s) : "forever";

    private static string Span(TimeSpan span) => span switch
    {
        { Ticks: 0 } => "0s",
        { TotalDays: >= 1 } when span.TotalDays % 1 == 0 => $"{span.TotalDays}d",
        { TotalHours: >= 1 } when span.TotalHours % 1 == 0 => $"{span.TotalHours}h",
        { TotalMinutes: >= 1 } when span.TotalMinutes % 1 == 0 => $"{span.TotalMinutes}m",
        _ when span.TotalSeconds % 1 == 0 => $"{span.TotalSeconds}s",
        _ => $"{span.TotalMilliseconds}ms",
    };
}
