namespace TunnelActors.Core.Ssh;

/// <summary>One ssh process recorded in the pid registry.</summary>
/// <param name="TunnelName">The owning tunnel.</param>
/// <param name="Pid">The process id.</param>
/// <param name="StartTime">The process start time from /proc (clock ticks after boot), to tell it from a reused pid.</param>
/// <param name="Incarnation">The tunnel incarnation that started it.</param>
public sealed record PidRegistryEntry(string TunnelName, int Pid, ulong StartTime, long Incarnation);
