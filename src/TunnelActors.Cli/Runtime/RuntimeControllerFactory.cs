using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.History;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Runtime;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Runtime;

/// <summary>Starts the real supervisor (<see cref="TunnelActorsRuntime"/>) for the daemon and serves history from its journal.</summary>
internal sealed class RuntimeControllerFactory(TimeProvider time) : ITunnelControllerFactory, ITunnelHistory
{
    private volatile TunnelActorsRuntime? _current;
    private ILoggerFactory _loggerFactory = NullLoggerFactory.Instance;

    /// <inheritdoc />
    public void UseLogging(ILoggerFactory loggerFactory) => _loggerFactory = loggerFactory;

    /// <inheritdoc />
    public async Task<ITunnelController> StartAsync(TunnelActorsSettings settings, CancellationToken cancellationToken)
    {
        var runtime = await TunnelActorsRuntime.StartAsync(settings, time, _loggerFactory, cancellationToken);
        _current = runtime;
        return runtime;
    }

    /// <inheritdoc />
    public async Task StopAsync(ITunnelController controller, CancellationToken cancellationToken)
    {
        if (controller is TunnelActorsRuntime runtime)
        {
            await runtime.StopAsync(cancellationToken);
            Interlocked.CompareExchange(ref _current, null, runtime);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<TunnelHistoryEntry>> GetAsync(string? tunnel, DateTimeOffset since, int limit, CancellationToken cancellationToken) =>
        _current?.Journal is { } journal
            ? JournalHistory.ReadAsync(journal, tunnel, since, limit, cancellationToken)
            : throw new InvalidOperationException("the event journal is not open (see the daemon's log)");
}
