namespace TunnelActors.Core.Configuration;

/// <summary>The ssh destination of a tunnel.</summary>
/// <param name="Host">Host name, address or ssh_config alias.</param>
/// <param name="User">Remote user, or null for ssh's default.</param>
/// <param name="Port">Remote port, or null for ssh's default (22 or ssh_config).</param>
/// <param name="IdentityFile">Private key file (<c>~</c> expanded at bind time), or null.</param>
public sealed record SshDestination(string Host, string? User, int? Port, string? IdentityFile);
