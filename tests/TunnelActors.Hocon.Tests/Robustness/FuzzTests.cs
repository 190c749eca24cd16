using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using TunnelActors.Hocon.Tests.Conformance;
using Xunit.Abstractions;

namespace TunnelActors.Hocon.Tests.Robustness;

/// <summary>Seeded mutation fuzzing of corpus inputs: the only allowed failure is a positioned <see cref="HoconException"/>.</summary>
/// <remarks>HOCON_FUZZ_ITERATIONS (default 20000) and HOCON_FUZZ_SEED override the defaults when run by hand.</remarks>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan PerInputTimeout = TimeSpan.FromSeconds(15);

    private static readonly string[] Fragments =
    [
        "{", "}", "[", "]", ",", ":", "=", "+=", "${", "${a}", "${?a.b}", "${b}", "\"", "\"\"\"", "\n", "#", "//", ".", "..",
        "include ", "include \"test01\"", "include \"cycle.conf\"", "include required(\"x\")", "\\", "$", "null", "true", "1e5", "-",
        "\uFEFF", "\u00A0", " ", "a.b.c = ", "x = ${x} [1]", "+= 1", "10s", "\r\n", "\"\\u12", new string('[', 300), new string('{', 300),
    ];

    [Fact]
    public async Task ParseAndResolve_MutatedCorpusInputs_FailOnlyWithPositionedHoconException()
    {
        // Arrange
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("HOCON_FUZZ_ITERATIONS"), CultureInfo.InvariantCulture, out var n) ? n : 20_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HOCON_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20_261_122;
        var inputs = Inputs();
        var random = new Random(seed);
        var options = HoconOptions.Default.WithoutEnvironment() with { ClasspathRoots = [Path.Combine(Corpus.Lightbend, "classpath")] };
        var failures = new List<string>();
        var stopwatch = Stopwatch.StartNew();
        var rejected = 0;

        // Act
        for (var i = 0; i < iterations && failures.Count < 5; i++)
        {
            var (file, text) = inputs[random.Next(inputs.Count)];
            var mutated = Mutate(text, random);
            (bool Rejected, string? Failure) result;
            try
            {
                result = await Task.Run(() => Check(file, mutated, options)).WaitAsync(PerInputTimeout);
            }
            catch (TimeoutException)
            {
                failures.Add($"iteration {i}: no result within {PerInputTimeout} for input from {file}:\n{mutated}");
                break;
            }

            if (result.Failure is { } failure)
            {
                failures.Add($"iteration {i} (seed {seed}), input from {file}: {failure}\n--- input ---\n{mutated}");
            }

            rejected += result.Rejected ? 1 : 0;
        }

        // Assert
        output.WriteLine($"{iterations} inputs (seed {seed}) in {stopwatch.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(rejected > 0);
    }

    private static (bool Rejected, string? Failure) Check(string file, string text, HoconOptions options)
    {
        try
        {
            var document = HoconParser.ParseString(text, file, options);
            if (!document.IsArray)
            {
                HoconJson.Render(document.Resolve(options).Root);
            }

            return (false, null);
        }
        catch (HoconException e) when (e.Line > 0 && e.Column > 0 && e.File.Length > 0)
        {
            return (true, null);
        }
        catch (Exception e)
        {
            return (false, e.ToString());
        }
    }

    private static string Mutate(string text, Random random)
    {
        var sb = new StringBuilder(text);
        var count = random.Next(1, 5);
        for (var k = 0; k < count; k++)
        {
            var at = random.Next(sb.Length + 1);
            var length = Math.Min(random.Next(1, 20), sb.Length - at);
            switch (random.Next(5))
            {
                case 0 or 1:
                    sb.Insert(at, Fragments[random.Next(Fragments.Length)]);
                    break;
                case 2 when length > 0:
                    sb.Remove(at, length);
                    break;
                case 3 when length > 0:
                    sb.Insert(at, sb.ToString(at, length));
                    break;
                default:
                    sb.Insert(at, (char)random.Next(0, 128));
                    break;
            }
        }

        return sb.ToString();
    }

    private static List<(string File, string Text)> Inputs()
    {
        var files = Directory.EnumerateFiles(Corpus.Lightbend, "*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal))
            .Select(f => (f, File.ReadAllText(f)));
        var snippets = new[] { "parse-valid.json", "parse-invalid.json" }
            .SelectMany(name => JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Snippets, name))).RootElement.GetProperty("cases").EnumerateArray())
            .Select(c => (Path.Combine(Corpus.Lightbend, "snippet.conf"), c.GetProperty("input").GetString()!));
        var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Snippets, "resolve-cases.json"))).RootElement.GetProperty("cases").EnumerateArray()
            .Select(c => (Path.Combine(Corpus.Lightbend, "case.conf"), c.GetProperty("conf").GetString()!));
        return [.. files.Concat(snippets).Concat(cases)];
    }
}
