namespace TunnelActors.Core.Autossh;

/// <summary>How serious an <see cref="AutosshDiagnostic"/> is.</summary>
public enum AutosshDiagnosticSeverity
{
    /// <summary>The value was accepted or replaced by a default, as autossh does silently; we say so.</summary>
    Warning,

    /// <summary>autossh exits 1 on this value (silently, to syslog only); we exit 1 and name the variable.</summary>
    Error,
}

/// <summary>One finding about an <c>AUTOSSH_*</c> variable.</summary>
/// <param name="Severity">Warning (continue) or error (exit 1).</param>
/// <param name="Variable">The environment variable, e.g. <c>AUTOSSH_POLL</c>.</param>
/// <param name="Message">What is wrong and what happens, naming the variable.</param>
public sealed record AutosshDiagnostic(AutosshDiagnosticSeverity Severity, string Variable, string Message)
{
    /// <summary>An error diagnostic.</summary>
    public static AutosshDiagnostic Error(string variable, string message) =>
        new(AutosshDiagnosticSeverity.Error, variable, message);

    /// <summary>A warning diagnostic.</summary>
    public static AutosshDiagnostic Warning(string variable, string message) =>
        new(AutosshDiagnosticSeverity.Warning, variable, message);

    /// <inheritdoc />
    public override string ToString() => $"{Variable}: {Message}";
}
