namespace TunnelActors.Core.Autossh;

/// <summary>Why getopt processing ended before the end of argv.</summary>
/// <param name="Version"><c>-V</c> was reached: print the version and exit 0.</param>
/// <param name="Error">getopt's own message (<c>invalid option -- 'B'</c>), which leads to usage and exit 1.</param>
internal sealed record GetoptStop(bool Version, string? Error);
