namespace TunnelActors.Core.Tests.Scenarios;

/// <summary>Scenarios run one at a time, so the measured recovery times are not skewed by each other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ScenarioCollection
{
    public const string Name = "Scenarios";
}
