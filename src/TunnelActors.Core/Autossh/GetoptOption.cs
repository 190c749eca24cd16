namespace TunnelActors.Core.Autossh;

/// <summary>One option letter found by <see cref="GetoptScanner"/>, with its argument if it takes one.</summary>
/// <param name="Letter">The option letter.</param>
/// <param name="Argument">Its argument, or null for a flag.</param>
/// <param name="ArgumentAttached">The argument was the rest of the same element (<c>-M20000</c>), not the next one.</param>
internal sealed record GetoptOption(char Letter, string? Argument, bool ArgumentAttached);
