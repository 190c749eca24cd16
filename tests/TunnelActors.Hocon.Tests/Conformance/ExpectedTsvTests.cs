namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>Every <c>*.expected.tsv</c> of the corpus: load the file its <c>#! load:</c> line names, check every row.</summary>
public sealed class ExpectedTsvTests
{
    public static TheoryData<string> Cases => [.. Directory.GetFiles(Corpus.Lightbend, "*.expected.tsv")
        .Select(f => Path.GetFileName(f)!)
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void ExpectedTsv_Loaded_MatchesEveryRow(string file)
    {
        // Arrange
        var lines = File.ReadAllLines(Path.Combine(Corpus.Lightbend, file));
        var directives = lines.Where(l => l.StartsWith("#!", StringComparison.Ordinal))
            .Select(l => l[2..].Trim().Split(':', 2))
            .ToDictionary(p => p[0].Trim(), p => p[1].Trim(), StringComparer.Ordinal);
        var rows = lines.Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')).ToList();
        var options = Options(directives);
        var load = directives["load"].Split(' ', 2);
        var target = Path.Combine(Corpus.Lightbend, load[1]);
        var expectError = rows.Exists(r => r[1] == "error");

        // Act
        HoconConfig? config = null;
        HoconException? error = null;
        try
        {
            config = HoconParser.Load(target, options);
        }
        catch (HoconException e)
        {
            error = e;
        }

        // Assert
        if (expectError)
        {
            Assert.True(error is not null, $"{file}: loading {load[1]} should fail but gave {config?.ToJson(indented: false)}");
            Assert.True(error.Line > 0 && error.File.Length > 0, $"error without a position: {error.Message}");
            return;
        }

        Assert.True(error is null, $"{file}: loading failed: {error?.Message}");
        var failures = rows.Select(r => ExpectationChecker.Check(config!, r[0], r[1], r.Length > 2 ? r[2] : string.Empty)).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static HoconOptions Options(Dictionary<string, string> directives)
    {
        var options = HoconOptions.Default.WithoutEnvironment();
        if (directives.TryGetValue("classpath-root", out var root))
        {
            options = options with { ClasspathRoots = [Path.Combine(Corpus.Lightbend, root)] };
        }

        if (directives.TryGetValue("env", out var env) && env != "none")
        {
            var variables = env.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(v => v.Split('=', 2)).ToDictionary(v => v[0], v => v[1], StringComparer.Ordinal);
            options = options with { UseEnvironment = true, EnvironmentLookup = name => variables.GetValueOrDefault(name) };
        }

        return options;
    }
}
