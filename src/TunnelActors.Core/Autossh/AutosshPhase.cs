namespace TunnelActors.Core.Autossh;

/// <summary>Where the supervisor is when a signal arrives.</summary>
public enum AutosshPhase
{
    /// <summary>Before the first ssh: parsing, binding, pid file.</summary>
    StartUp,

    /// <summary>An ssh runs and is watched (<c>ssh_watch</c>).</summary>
    Watching,

    /// <summary>Between two ssh processes, including the grace-time sleep.</summary>
    Backoff,
}
