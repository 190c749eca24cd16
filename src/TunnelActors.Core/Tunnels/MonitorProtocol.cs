using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tunnels;

/// <summary>Messages a <see cref="MonitorActor"/> sends itself.</summary>
internal abstract record MonitorMessage;

/// <summary>Timer: run the next probe; stale when <paramref name="Generation"/> is not the current one.</summary>
internal sealed record ProbeTick(long Generation) : MonitorMessage;

/// <summary>A probe finished (piped from <see cref="EchoProbe"/>).</summary>
internal sealed record ProbeCompleted(long Sequence, ProbeResult Result) : MonitorMessage;
