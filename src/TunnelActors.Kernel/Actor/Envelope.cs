namespace TunnelActors.Kernel.Actor;

/// <summary>A message together with its sender, as stored in a mailbox or a stash.</summary>
/// <param name="Message">The message.</param>
/// <param name="Sender">The sender, or null for no sender.</param>
public readonly record struct Envelope(object Message, IActorRef? Sender);
