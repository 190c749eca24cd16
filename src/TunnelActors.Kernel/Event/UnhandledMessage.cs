using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Event;

/// <summary>A message an actor did not handle (published by <c>ActorBase.Unhandled</c>).</summary>
/// <param name="Message">The unhandled message.</param>
/// <param name="Sender">Its sender.</param>
/// <param name="Recipient">The actor that did not handle it.</param>
public sealed record UnhandledMessage(object Message, IActorRef Sender, IActorRef Recipient);
