namespace TunnelActors.Kernel.Actor;

/// <summary>What a supervisor does with a failed child (declared in Akka's order).</summary>
public enum Directive
{
    /// <summary>Keep the child and its state; the failing message is lost.</summary>
    Resume,

    /// <summary>Replace the child's instance with a fresh one (mailbox kept, failing message dropped).</summary>
    Restart,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate,

    /// <summary>Stop the child.</summary>
    Stop,
}
