namespace TunnelActors.Cli.Doctor;

/// <summary>The outcome of one diagnosis step.</summary>
public enum Verdict
{
    /// <summary>Nothing wrong.</summary>
    Ok,

    /// <summary>Works now but may not (or works differently than expected); the tunnel may still come up.</summary>
    Warn,

    /// <summary>The tunnel cannot work until this is fixed; <c>doctor</c> exits 1.</summary>
    Fail,

    /// <summary>Not run, because an earlier step failed or it does not apply.</summary>
    Skipped,
}
