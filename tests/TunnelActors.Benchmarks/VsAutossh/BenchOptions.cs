using System.Globalization;

namespace TunnelActors.Benchmarks.VsAutossh;

/// <summary>Command-line options of the vs-autossh suite.</summary>
internal sealed record BenchOptions
{
    public bool Quick { get; init; }

    /// <summary>Rounds of each single-tunnel scenario (each tool once per round, alternating who goes first).</summary>
    public int Rounds { get; init; } = 5;

    /// <summary>Rounds of the blackhole scenario (autossh is usually cut at the cap, so each round costs the cap).</summary>
    public int BlackholeRounds { get; init; } = 3;

    /// <summary>Rounds of each fleet size.</summary>
    public int FleetRounds { get; init; } = 2;

    /// <summary>Fleet sizes for overhead, mass reconnect and start-up.</summary>
    public IReadOnlyList<int> FleetSizes { get; init; } = [10, 100, 1000];

    public TimeSpan BlackholeCap { get; init; } = TimeSpan.FromSeconds(120);

    public TimeSpan IdleWindow { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan FleetCap { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>Scenario name prefixes to run (empty: all).</summary>
    public IReadOnlyList<string> Only { get; init; } = [];

    public string? TunnelActorsPath { get; init; }

    public string? ResultsPath { get; init; }

    public int Seed { get; init; } = 7;

    /// <summary>Tools to run (empty: both); for diagnosing one side.</summary>
    public IReadOnlyList<string> Tools { get; init; } = [];

    /// <summary>Settling time between all forwards answering and the idle window (JIT, first probes).</summary>
    public TimeSpan Settle { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>Keep the work directory (configs, autossh/sshd logs) for inspection.</summary>
    public bool Keep { get; init; }

    /// <summary>Parses the arguments after <c>vs-autossh</c>.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var options = args.Contains("--quick")
            ? new BenchOptions
            {
                Quick = true,
                Rounds = 3,
                BlackholeRounds = 1,
                FleetRounds = 1,
                FleetSizes = [10, 100],
                BlackholeCap = TimeSpan.FromSeconds(60),
                IdleWindow = TimeSpan.FromSeconds(10),
                Settle = TimeSpan.FromSeconds(5),
                FleetCap = TimeSpan.FromSeconds(90),
            }
            : new BenchOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--quick" => options,
                "--rounds" => options with { Rounds = int.Parse(Next(), CultureInfo.InvariantCulture) },
                "--only" => options with { Only = Next().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--sizes" => options with { FleetSizes = Next().Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList() },
                "--tunnelactors" => options with { TunnelActorsPath = Next() },
                "--results" => options with { ResultsPath = Next() },
                "--tools" => options with { Tools = Next().Split(',', StringSplitOptions.RemoveEmptyEntries) },
                "--keep" => options with { Keep = true },
                "--seed" => options with { Seed = int.Parse(Next(), CultureInfo.InvariantCulture) },
                _ => throw new ArgumentException($"unknown option {args[i]}; known: --quick --rounds N --only a,b --sizes 10,100 --tunnelactors PATH --results FILE --seed N --keep --tools autossh,tunnelactors"),
            };
        }

        return options;
    }

    /// <summary>Whether scenario <paramref name="name"/> is selected by <see cref="Only"/>.</summary>
    public bool Runs(string name) => Only.Count == 0 || Only.Any(p => name.StartsWith(p, StringComparison.Ordinal));
}
