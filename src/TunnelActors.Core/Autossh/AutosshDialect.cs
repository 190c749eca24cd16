namespace TunnelActors.Core.Autossh;

/// <summary>Which autossh the command-line parser imitates.</summary>
public enum AutosshDialect
{
    /// <summary>
    /// The drop-in: autossh 1.4g (Debian) wherever it works, fixed where autossh.md §7 lists a bug
    /// (unknown ssh flags, <c>-J</c>, permuted remote commands, <c>-f</c> after <c>--</c>, bundled <c>-M</c>,
    /// empty arguments, echo-port range). See <c>AutosshCommandLine</c> for the list.
    /// </summary>
    Improved,

    /// <summary>Bug for bug autossh 1.4g as shipped in Debian 12, for differential tests and diagnosis.</summary>
    Reference,
}
