namespace TunnelActors.Core.Ssh;

/// <summary>An orphan ssh that <see cref="OrphanReaper"/> ended.</summary>
/// <param name="Entry">Its registry entry.</param>
/// <param name="Killed">True when SIGTERM was not enough and SIGKILL was sent.</param>
public sealed record ReapedProcess(PidRegistryEntry Entry, bool Killed);
