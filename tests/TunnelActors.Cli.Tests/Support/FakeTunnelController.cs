using System.Collections.Concurrent;
using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>An in-memory supervisor: answers from <see cref="Statuses"/>, records every command.</summary>
internal sealed class FakeTunnelController : ITunnelController
{
    private readonly TaskCompletionSource _probed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<TunnelActorsSettings> _applied = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ImmutableArray<TunnelSettings> _tunnels = [];

    /// <summary>What status queries answer.</summary>
    public ImmutableList<TunnelStatus> Statuses { get; set; } = [];

    /// <summary>Every restart/stop/start as (action, name), in order.</summary>
    public ConcurrentQueue<(string Action, string Name)> Actions { get; } = new();

    /// <summary>Thrown by every call when set.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Awaited by every call before answering when set (a hanging supervisor).</summary>
    public Task? Hang { get; set; }

    /// <summary>Completes with the settings of the first <see cref="ApplyAsync"/>.</summary>
    public Task<TunnelActorsSettings> Applied => _applied.Task;

    /// <summary>Every applied settings, in order.</summary>
    public ConcurrentQueue<TunnelActorsSettings> AppliedSettings { get; } = new();

    /// <summary>Completes at the first <see cref="ProbeAllAsync"/>.</summary>
    public Task Probed => _probed.Task;

    public void Load(TunnelActorsSettings settings, TimeProvider time)
    {
        _tunnels = settings.Tunnels;
        Statuses = [.. settings.Tunnels.Select(t => Status(t.Name, TunnelState.Up, time.GetUtcNow()))];
    }

    public static TunnelStatus Status(string name, TunnelState state, DateTimeOffset since, int restarts = 0, TimeSpan? rtt = null, string? failure = null) =>
        new(name, state, since, state == TunnelState.Up ? 4242 : null, restarts + 1, restarts, rtt ?? (state == TunnelState.Up ? TimeSpan.FromMilliseconds(12) : null),
            failure, failure is null ? null : "ConnectionRefused", failure is null ? null : since, null);

    public async Task<IReadOnlyList<TunnelStatus>> GetStatusesAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        return Statuses;
    }

    public async Task<TunnelStatus?> GetStatusAsync(string name, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        return Statuses.FirstOrDefault(s => s.Name == name);
    }

    public Task<bool> RestartAsync(string name, CancellationToken cancellationToken) => ActAsync("restart", name, cancellationToken);

    public Task<bool> StopAsync(string name, CancellationToken cancellationToken) => ActAsync("stop", name, cancellationToken);

    public Task<bool> StartAsync(string name, CancellationToken cancellationToken) => ActAsync("start", name, cancellationToken);

    public async Task<TunnelSetDiff> ApplyAsync(TunnelActorsSettings settings, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        var diff = TunnelSetDiff.Between(_tunnels, settings.Tunnels);
        _tunnels = settings.Tunnels;
        AppliedSettings.Enqueue(settings);
        _applied.TrySetResult(settings);
        return diff;
    }

    public async Task ProbeAllAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        _probed.TrySetResult();
    }

    private async Task<bool> ActAsync(string action, string name, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        if (Statuses.All(s => s.Name != name))
        {
            return false;
        }

        Actions.Enqueue((action, name));
        return true;
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        if (Hang is { } hang)
        {
            await hang.WaitAsync(cancellationToken);
        }

        if (Failure is { } failure)
        {
            throw failure;
        }
    }
}
