using System.Collections.Immutable;

namespace TunnelActors.Core.Configuration;

/// <summary>One tunnel: one ssh process with its forwards, its monitor and its restart policy.</summary>
/// <param name="Name">Unique name, limited to <c>[A-Za-z0-9._-]</c>.</param>
/// <param name="Destination">Where ssh connects.</param>
/// <param name="Local"><c>-L</c> forwards, in configuration order.</param>
/// <param name="Remote"><c>-R</c> forwards, in configuration order.</param>
/// <param name="Dynamic"><c>-D</c> forwards, in configuration order.</param>
/// <param name="SshOptions"><c>-o Key=Value</c> options, values already rendered the way ssh expects.</param>
/// <param name="SshArgs">Extra arguments passed to ssh untouched, before the destination.</param>
/// <param name="SshPath">The ssh program to run (a name looked up on PATH, or an absolute path).</param>
/// <param name="Monitor">How the tunnel is probed.</param>
/// <param name="Backoff">How restarts are spaced.</param>
/// <param name="Limits">When to give up (by default never).</param>
/// <param name="StopGracePeriod">Time between SIGTERM and SIGKILL when ssh is stopped.</param>
public sealed record TunnelSettings(
    string Name,
    SshDestination Destination,
    ImmutableArray<ForwardSpec> Local,
    ImmutableArray<ForwardSpec> Remote,
    ImmutableArray<ForwardSpec> Dynamic,
    ImmutableArray<KeyValuePair<string, string>> SshOptions,
    ImmutableArray<string> SshArgs,
    string SshPath,
    MonitorSettings Monitor,
    BackoffSettings Backoff,
    LimitsSettings Limits,
    TimeSpan StopGracePeriod)
{
    /// <summary>Words of a command to run on the server instead of <c>ssh -N</c>; empty (the default) for a plain tunnel.</summary>
    /// <remarks>ssh joins the words with spaces and the server's shell runs the line, with no terminal and stdin at
    /// end of file. The command's exit ends the incarnation with its status (ssh(1) EXIT STATUS).</remarks>
    public ImmutableArray<string> RemoteCommand { get; init; } = [];
}
