namespace TunnelActors.Cli.Tests.Support;

/// <summary>Generous real-time safety limits for waiting on events (the CI machine has 2 busy cores).</summary>
internal static class Timeouts
{
    public static readonly TimeSpan Event = TimeSpan.FromSeconds(30);
}
