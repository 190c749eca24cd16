namespace TunnelActors.Core.Autossh;

/// <summary>Where the monitor port of an invocation came from.</summary>
public enum AutosshPortSource
{
    /// <summary><c>-M</c> (Debian precedence: it overrides <c>AUTOSSH_PORT</c>).</summary>
    CommandLine,

    /// <summary><c>AUTOSSH_PORT</c>.</summary>
    Environment,

    /// <summary>
    /// Neither was given. Upstream autossh prints usage; Debian's wrapper picks a random loop port. The improved
    /// dialect does what Debian means: loop mode on a free port the tunnel layer chooses.
    /// </summary>
    Automatic,
}
