using System.Collections.Immutable;
using System.Globalization;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;
using TunnelActors.Core.Sandbox;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Cli.Doctor;

/// <summary>One ssh run with the tunnel's full command (monitor forwards included) plus <c>-v</c>, BatchMode and a short
/// ConnectTimeout, watched until it is up or ends; stopped in two phases and cleaned up on dispose.</summary>
/// <remarks>
/// "Up" is read from ssh's debug output: "Entering interactive session." is logged once the session runs, after the
/// local listeners are bound (ssh.c ssh_init_forwarding precedes clientloop.c client_loop), and "forwarding_success: all
/// expected forwarding replies received" (OpenSSH 9.x; "All remote forwarding requests processed" in older releases) once the
/// server answered every <c>-R</c>; with ExitOnForwardFailure a refused forward ends ssh instead (checked against OpenSSH 9.2).
/// </remarks>
internal sealed class OneShotSsh : IAsyncDisposable
{
    private const int MaxLines = 2000;
    private readonly List<string> _lines = [];
    private readonly TaskCompletionSource _up = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _remoteForwards;
    private readonly string _socketDir;
    private readonly LoopListener? _listener;
    private bool _interactive;
    private bool _remoteDone;
    private int _disposed;

    private OneShotSsh(TunnelSettings tunnel, MonitorForwardSet monitor, string socketDir, LoopListener? listener, SshCommand command)
    {
        Tunnel = tunnel;
        Monitor = monitor;
        _socketDir = socketDir;
        _listener = listener;
        Command = command;
        _remoteForwards = tunnel.Remote.Length + monitor.Forwards.Count(f => f.Kind == ForwardKind.Remote);
    }

    /// <summary>The tunnel as run (forwards served by the running daemon left out).</summary>
    public TunnelSettings Tunnel { get; }

    /// <summary>The monitor forwards added to the command.</summary>
    public MonitorForwardSet Monitor { get; }

    /// <summary>The command run.</summary>
    public SshCommand Command { get; }

    /// <summary>The ssh process.</summary>
    public ISshProcess Process { get; private set; } = null!;

    /// <summary>Starts ssh (and the loop listener for a loop monitor).</summary>
    public static OneShotSsh Start(TunnelSettings tunnel, DoctorOptions options, TimeProvider time)
    {
        var socketDir = Directory.CreateTempSubdirectory("ta-doctor-").FullName;
        LoopListener? listener = null;
        try
        {
            var monitor = MonitorForwards.For(tunnel.Monitor, tunnel.Name, 0, socketDir, tunnel.Monitor.Port ?? FreePort(tunnel.Monitor));
            listener = monitor.ListenerEndpoint is { } endpoint ? LoopListener.Start(endpoint) : null;
            var built = SshCommandBuilder.Build(tunnel, monitor);
            var seconds = Math.Max(1, (int)options.ConnectTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            var command = SshCommand.Create(built.FileName, ["-v", "-o", "BatchMode=yes", "-o", $"ConnectTimeout={seconds}", .. built.Arguments]);
            var run = new OneShotSsh(tunnel, monitor, socketDir, listener, command);
            run.Process = new SshProcessFactory(time, options: new SshProcessOptions(TailLines: 50))
                .Start(new SshStartRequest(tunnel.Name, 0, command, OnStderrLine: run.OnLine));
            return run;
        }
        catch
        {
            listener?.DisposeAsync().AsTask().GetAwaiter().GetResult();
            Directory.Delete(socketDir, recursive: true);
            throw;
        }
    }

    /// <summary>Every stderr line so far.</summary>
    public ImmutableArray<string> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>The stderr lines without ssh's debug output.</summary>
    public ImmutableArray<string> Messages => [.. Lines.Where(l => !l.StartsWith("debug", StringComparison.Ordinal) && !l.StartsWith("OpenSSH_", StringComparison.Ordinal))];

    /// <summary>True when ssh is up, false when it ended first or <paramref name="timeout"/> passed.</summary>
    public async Task<bool> WaitUpAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, cancel.Token);
        var first = await Task.WhenAny(_up.Task, Process.Exited, delay);
        await cancel.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == _up.Task && !Process.Exited.IsCompleted;
    }

    /// <summary>Stops ssh (SIGTERM, then SIGKILL after <paramref name="grace"/>) and removes everything the run created.</summary>
    public async Task<SshExit> StopAsync(TimeSpan grace)
    {
        var exit = await Process.StopAsync(grace);
        await DisposeAsync();
        return exit;
    }

    /// <summary>Kills ssh if it still runs and removes the listener and socket files.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        if (_listener is not null)
        {
            await _listener.DisposeAsync();
        }

        try
        {
            Directory.Delete(_socketDir, recursive: true);
        }
        catch (IOException)
        {
            // A socket file still in use: it is in a private temp directory.
        }
    }

    private static int? FreePort(MonitorSettings monitor) => monitor switch
    {
        { Mode: MonitorMode.Echo } => LoopbackPorts.FindFree(),
        { Mode: MonitorMode.Loop, Transport: LoopTransport.Tcp } => LoopbackPorts.FindFreePair(),
        _ => null,
    };

    private void OnLine(string line)
    {
        lock (_lines)
        {
            if (_lines.Count < MaxLines)
            {
                _lines.Add(line);
            }

            _interactive |= line.Contains("Entering interactive session", StringComparison.Ordinal);
            _remoteDone |= line.Contains("all expected forwarding replies received", StringComparison.Ordinal)
                || line.Contains("All remote forwarding requests processed", StringComparison.Ordinal);
            if (_interactive && (_remoteForwards == 0 || _remoteDone))
            {
                _up.TrySetResult();
            }
        }
    }
}
