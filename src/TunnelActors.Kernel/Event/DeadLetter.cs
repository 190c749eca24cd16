using TunnelActors.Kernel.Actor;

namespace TunnelActors.Kernel.Event;

/// <summary>A message that could not be delivered (recipient stopped, or sent to dead letters).</summary>
/// <param name="Message">The undelivered message.</param>
/// <param name="Sender">The original sender (dead letters when there was none).</param>
/// <param name="Recipient">The intended recipient.</param>
public sealed record DeadLetter(object Message, IActorRef Sender, IActorRef Recipient);
