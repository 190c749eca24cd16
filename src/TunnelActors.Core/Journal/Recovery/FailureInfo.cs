namespace TunnelActors.Core.Journal.Recovery;

/// <summary>The last failure of a tunnel.</summary>
/// <param name="At">When the failure event was appended.</param>
/// <param name="Kind">The event kind (<c>probe-failed</c>, <c>ssh-exited</c> or <c>gave-up</c>).</param>
/// <param name="FailureClass">The failure class: the SshExited class, <c>probe</c> or <c>gave-up</c>.</param>
/// <param name="Detail">The reason, or for SshExited the exit code/signal and the stderr tail.</param>
public sealed record FailureInfo(DateTimeOffset At, string Kind, string FailureClass, string Detail);
