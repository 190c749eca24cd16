using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Tests.Support;

/// <summary>An actor assembled from lambdas, so tests can state behaviour inline.</summary>
public sealed class FunActor : UntypedActor
{
    private readonly Action<FunActor, object> _onReceive;
    private readonly Action<FunActor>? _preStart;
    private readonly Action<FunActor>? _postStop;

    public FunActor(Action<FunActor, object> onReceive, Action<FunActor>? preStart = null, Action<FunActor>? postStop = null)
    {
        _onReceive = onReceive;
        _preStart = preStart;
        _postStop = postStop;
    }

    public new IActorContext Context => base.Context;

    public new IActorRef Self => base.Self;

    public new IActorRef Sender => base.Sender;

    public static Props Props(Action<FunActor, object> onReceive, Action<FunActor>? preStart = null, Action<FunActor>? postStop = null) =>
        Kernel.Actor.Props.Create(() => new FunActor(onReceive, preStart, postStop));

    public void CallUnhandled(object message) => Unhandled(message);

    public void Run(Func<Task> action) => RunTask(action);

    protected override void OnReceive(object message) => _onReceive(this, message);

    protected override void PreStart() => _preStart?.Invoke(this);

    protected override void PostStop() => _postStop?.Invoke(this);
}
