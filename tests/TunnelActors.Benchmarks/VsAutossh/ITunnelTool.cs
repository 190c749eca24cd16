namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>A tunnel keeper under test (autossh or TunnelActors).</summary>
internal interface ITunnelTool
{
    /// <summary>Short name used in the report (<c>autossh</c>, <c>tunnelactors</c>).</summary>
    string Name { get; }

    /// <summary>Why this tool cannot run in this build, or null when it can.</summary>
    string? Unavailable { get; }

    /// <summary>Execs the tool for <paramref name="plan"/> and returns at once (no waiting for forwards).</summary>
    Task<IToolRun> StartAsync(TunnelPlan plan, CancellationToken cancellationToken);
}
