namespace TunnelActors.Kernel.Actor;

/// <summary>A handle to cancel scheduled work.</summary>
public interface ICancelable
{
    /// <summary>True once cancelled.</summary>
    bool IsCancellationRequested { get; }

    /// <summary>A token cancelled together with this handle.</summary>
    CancellationToken Token { get; }

    /// <summary>Cancels; idempotent.</summary>
    void Cancel();
}
