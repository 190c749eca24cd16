using System.Collections.Immutable;

namespace TunnelActors.Core.Ssh;

/// <summary>What to start, for whom.</summary>
/// <param name="TunnelName">The owning tunnel (names the pid registry file).</param>
/// <param name="Incarnation">The tunnel's incarnation number for this start.</param>
/// <param name="Command">The ssh command (see <see cref="SshCommandBuilder"/>).</param>
/// <param name="Environment">Extra environment variables for the child, or empty.</param>
/// <param name="OnStderrLine">Called for each stderr line as it arrives (on a reader thread; keep it short), or null.</param>
/// <param name="OnStdoutLine">Called for each stdout line (a remote command's output) as it arrives, like
/// <paramref name="OnStderrLine"/>, or null. stdout is read either way, so ssh never blocks on a full pipe.</param>
public sealed record SshStartRequest(
    string TunnelName,
    long Incarnation,
    SshCommand Command,
    ImmutableDictionary<string, string>? Environment = null,
    Action<string>? OnStderrLine = null,
    Action<string>? OnStdoutLine = null);
