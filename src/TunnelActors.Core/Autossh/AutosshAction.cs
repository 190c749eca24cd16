namespace TunnelActors.Core.Autossh;

/// <summary>What the drop-in does with a parsed command line.</summary>
public enum AutosshAction
{
    /// <summary>Supervise ssh.</summary>
    Run,

    /// <summary><c>-V</c>: print <see cref="AutosshUsage.VersionLine"/> to stdout and exit 0.</summary>
    PrintVersion,

    /// <summary>Print the error (and the usage text when asked) to stderr and exit with its code.</summary>
    Fail,
}
