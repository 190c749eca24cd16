namespace TunnelActors.Cli.Demo;

/// <summary>Options of <c>tunnelactors demo</c>.</summary>
/// <param name="Duration">Run this long, then clean up and summarise; null runs until Ctrl-C.</param>
/// <param name="FaultEvery">Time between injected faults.</param>
/// <param name="Interactive">Redraw a live screen (a terminal) instead of printing events line by line.</param>
internal sealed record DemoOptions(TimeSpan? Duration, TimeSpan FaultEvery, bool Interactive);
