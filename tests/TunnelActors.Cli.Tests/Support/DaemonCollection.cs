namespace TunnelActors.Cli.Tests.Support;

/// <summary>Tests that host a daemon run one at a time: a signal sent to the process reaches every live host.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DaemonCollection
{
    public const string Name = "daemon";
}
