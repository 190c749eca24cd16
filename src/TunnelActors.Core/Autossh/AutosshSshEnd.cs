using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>How one ssh process ended on its own: an exit status, or the signal that killed it.</summary>
/// <param name="ExitStatus">The exit status (0..255), or null when killed by a signal.</param>
/// <param name="Signal">The terminating signal number, or null when it exited.</param>
public sealed record AutosshSshEnd(int? ExitStatus, int? Signal)
{
    /// <summary>ssh called <c>exit(status)</c>.</summary>
    public static AutosshSshEnd Exited(int status) => new(status, null);

    /// <summary>ssh was killed by <paramref name="signal"/> (<c>WIFSIGNALED</c>).</summary>
    public static AutosshSshEnd Killed(int signal) => new(null, signal);

    /// <inheritdoc />
    public override string ToString() => Signal is { } signal
        ? string.Create(CultureInfo.InvariantCulture, $"signal {signal}")
        : string.Create(CultureInfo.InvariantCulture, $"status {ExitStatus}");
}
