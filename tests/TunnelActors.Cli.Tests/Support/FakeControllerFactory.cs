using TunnelActors.Cli.Hosting;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>Hands out one <see cref="FakeTunnelController"/> and records its start and stop.</summary>
internal sealed class FakeControllerFactory(FakeTunnelController controller, TimeProvider time) : ITunnelControllerFactory
{
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Thrown by <see cref="StartAsync"/> when set.</summary>
    public Exception? StartFailure { get; set; }

    /// <summary>Awaited by <see cref="StopAsync"/> when set (a supervisor that ignores the stop deadline).</summary>
    public Task? StopHang { get; set; }

    /// <summary>The settings the supervisor was started with.</summary>
    public TunnelActorsSettings? StartedWith { get; private set; }

    /// <summary>Completes when the host stopped the supervisor.</summary>
    public Task Stopped => _stopped.Task;

    public Task<ITunnelController> StartAsync(TunnelActorsSettings settings, CancellationToken cancellationToken)
    {
        if (StartFailure is { } failure)
        {
            throw failure;
        }

        StartedWith = settings;
        controller.Load(settings, time);
        return Task.FromResult<ITunnelController>(controller);
    }

    public Task StopAsync(ITunnelController stopping, CancellationToken cancellationToken)
    {
        Assert.Same(controller, stopping);
        _stopped.TrySetResult();
        return StopHang ?? Task.CompletedTask;
    }
}
