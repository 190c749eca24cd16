namespace TunnelActors.Core.Tunnels;

/// <summary>Messages of <see cref="HandshakeGate"/>. A tunnel holds at most one slot; <c>Ticket</c> tells its requests apart.</summary>
internal abstract record HandshakeGateMessage;

/// <summary>Asks for a slot; answered by <see cref="HandshakeSlotGranted"/> when one is free (FIFO).</summary>
internal sealed record RequestHandshakeSlot(long Ticket) : HandshakeGateMessage;

/// <summary>The sender may start ssh now.</summary>
internal sealed record HandshakeSlotGranted(long Ticket) : HandshakeGateMessage;

/// <summary>Returns the slot (connected, exited, stopped) or withdraws a waiting request.</summary>
internal sealed record ReleaseHandshakeSlot(long Ticket) : HandshakeGateMessage;

/// <summary>Timer: a holder kept its slot for the whole handshake timeout; the slot is taken back.</summary>
internal sealed record HandshakeSlotExpired(Kernel.Actor.IActorRef Holder, long Ticket) : HandshakeGateMessage;

/// <summary>Asks how many slots are held and requests wait (tests, status); answered by <see cref="HandshakeGateState"/>.</summary>
internal sealed record GetHandshakeGateState : HandshakeGateMessage
{
    public static GetHandshakeGateState Instance { get; } = new();
}

/// <summary>Slots held and requests waiting.</summary>
internal sealed record HandshakeGateState(int Held, int Waiting) : HandshakeGateMessage;
