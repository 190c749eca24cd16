using TunnelActors.Core.Configuration;
using TunnelActors.Kernel.Actor;

namespace TunnelActors.Core.Tunnels;

/// <summary><see cref="ITunnelController"/> over a <see cref="TunnelSupervisor"/>: every call is an Ask with an explicit timeout.</summary>
/// <remarks>
/// Typical use: <c>var controller = ActorTunnelController.Start(system, settings, TunnelServices.CreateDefault(settings.StateDir, system.TimeProvider));</c>
/// and on shutdown <c>await controller.StopAllAsync(ct); await system.Terminate();</c> (terminating without it still kills
/// every ssh, with SIGKILL, from the tunnel actors' PostStop).
/// </remarks>
public sealed class ActorTunnelController : ITunnelController
{
    /// <summary>Wraps an already started supervisor.</summary>
    /// <param name="supervisor">The <see cref="TunnelSupervisor"/>.</param>
    /// <param name="askTimeout">Timeout of queries and quick commands (default 10 s).</param>
    /// <param name="stopTimeout">Timeout of commands that wait for ssh to end: stop, restart, stop-all (default 60 s;
    /// must exceed the tunnels' stop grace periods).</param>
    public ActorTunnelController(IActorRef supervisor, TimeSpan? askTimeout = null, TimeSpan? stopTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(supervisor);
        Supervisor = supervisor;
        AskTimeout = askTimeout ?? TimeSpan.FromSeconds(10);
        StopTimeout = stopTimeout ?? TimeSpan.FromSeconds(60);
    }

    /// <summary>The root supervisor actor.</summary>
    public IActorRef Supervisor { get; }

    /// <summary>Timeout of queries and quick commands.</summary>
    public TimeSpan AskTimeout { get; }

    /// <summary>Timeout of commands that wait for ssh to end.</summary>
    public TimeSpan StopTimeout { get; }

    /// <summary>Starts a <see cref="TunnelSupervisor"/> for <paramref name="settings"/> as the top-level actor
    /// <paramref name="name"/> and returns a controller over it.</summary>
    public static ActorTunnelController Start(ActorSystem system, TunnelActorsSettings settings, TunnelServices services, string name = "tunnels")
    {
        ArgumentNullException.ThrowIfNull(system);
        return new ActorTunnelController(system.ActorOf(TunnelSupervisor.Props(settings, services), name));
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TunnelStatus>> GetStatusesAsync(CancellationToken cancellationToken) =>
        (await Supervisor.Ask<TunnelStatuses>(GetTunnelStatuses.Instance, AskTimeout, cancellationToken)).Statuses;

    /// <inheritdoc />
    public async Task<TunnelStatus?> GetStatusAsync(string name, CancellationToken cancellationToken) =>
        await Supervisor.Ask(new GetTunnelStatus(name), AskTimeout, cancellationToken) switch
        {
            TunnelStatus status => status,
            TunnelNotFound => null,
            var other => throw Unexpected(other),
        };

    /// <inheritdoc />
    public Task<bool> RestartAsync(string name, CancellationToken cancellationToken) =>
        CommandAsync(new RestartTunnel(name), StopTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<bool> StopAsync(string name, CancellationToken cancellationToken) =>
        CommandAsync(new StopTunnel(name), StopTimeout, cancellationToken);

    /// <inheritdoc />
    public Task<bool> StartAsync(string name, CancellationToken cancellationToken) =>
        CommandAsync(new StartTunnel(name), AskTimeout, cancellationToken);

    /// <inheritdoc />
    /// <remarks>Only the tunnels are reloaded; supervisor-wide settings (handshake cap, state dir) need a daemon restart.
    /// Answers once the changes are dispatched: removed and changed tunnels stop their ssh asynchronously.</remarks>
    public Task<TunnelSetDiff> ApplyAsync(TunnelActorsSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Supervisor.Ask<TunnelSetDiff>(new ApplyTunnelSet(settings.Tunnels), AskTimeout, cancellationToken);
    }

    /// <inheritdoc />
    public Task ProbeAllAsync(CancellationToken cancellationToken) =>
        Supervisor.Ask<ProbesRequested>(ProbeAllTunnels.Instance, AskTimeout, cancellationToken);

    /// <summary>Stops every tunnel politely (SIGTERM, grace, SIGKILL) and completes once every ssh has ended.</summary>
    public Task StopAllAsync(CancellationToken cancellationToken) =>
        Supervisor.Ask<AllTunnelsStopped>(StopAllTunnels.Instance, StopTimeout, cancellationToken);

    private async Task<bool> CommandAsync(object command, TimeSpan timeout, CancellationToken cancellationToken) =>
        await Supervisor.Ask(command, timeout, cancellationToken) switch
        {
            TunnelCommandDone => true,
            TunnelNotFound => false,
            var other => throw Unexpected(other),
        };

    private static InvalidOperationException Unexpected(object reply) => new($"Unexpected reply from the tunnel supervisor: {reply}");
}
