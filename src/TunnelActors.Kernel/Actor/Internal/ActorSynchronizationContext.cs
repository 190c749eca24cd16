namespace TunnelActors.Kernel.Actor.Internal;

/// <summary>Posts continuations of an actor's async handler back into its mailbox (as system messages), tagged with the incarnation.</summary>
internal sealed class ActorSynchronizationContext(ActorCell cell, object incarnation) : SynchronizationContext
{
    public object Incarnation { get; } = incarnation;

    public override void Post(SendOrPostCallback d, object? state) => cell.Mailbox.PostSystem(new RunContinuation(d, state, Incarnation));

    public override void Send(SendOrPostCallback d, object? state) => throw new NotSupportedException("Synchronous Send is not supported inside an actor.");

    public override SynchronizationContext CreateCopy() => this;
}
