namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>The first bytes of one connection to an <see cref="EchoServer"/> and when they arrived.</summary>
/// <param name="Timestamp">When they arrived (<see cref="System.Diagnostics.Stopwatch.GetTimestamp"/>).</param>
/// <param name="Text">The bytes as ASCII.</param>
internal sealed record EchoArrival(long Timestamp, string Text);
