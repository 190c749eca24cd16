namespace TunnelActors.Cli.Doctor;

/// <summary>How a helper program (<c>ssh -G</c>, <c>ssh-keygen -F</c>) ended.</summary>
/// <param name="ExitCode">Its exit status, or null when it could not start or was killed for taking too long.</param>
/// <param name="Stdout">Everything it printed on stdout.</param>
/// <param name="Stderr">Everything it printed on stderr.</param>
/// <param name="Problem">Why there is no exit status (not found, timed out), or null.</param>
public sealed record ToolResult(int? ExitCode, string Stdout, string Stderr, string? Problem = null)
{
    /// <summary>Whether it ran and exited 0.</summary>
    public bool Succeeded => ExitCode == 0;

    /// <summary>Its stderr lines, trimmed, without empty ones.</summary>
    public IEnumerable<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
