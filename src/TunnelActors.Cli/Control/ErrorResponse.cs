namespace TunnelActors.Cli.Control;

/// <summary>The body of every non-2xx answer of the control API.</summary>
/// <param name="Error">What went wrong, for a human.</param>
public sealed record ErrorResponse(string Error);
