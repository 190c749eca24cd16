namespace TunnelActors.Kernel.Pattern;

/// <summary>What triggers a delayed restart.</summary>
public enum BackoffKind
{
    /// <summary>The child stopped (Akka's <c>BackoffSupervisor</c>).</summary>
    OnStop,

    /// <summary>The child failed and the decider said Restart (Akka's <c>BackoffOnRestartSupervisor</c>).</summary>
    OnFailure,
}
