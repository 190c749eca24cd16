using System.Text.Json;

namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>snippets/parse-valid.json, parse-invalid.json and resolve-cases.json, one test case per entry.</summary>
public sealed class SnippetTests
{
    private static readonly Lazy<JsonElement[]> Valid = new(() => Load("parse-valid.json"));
    private static readonly Lazy<JsonElement[]> Invalid = new(() => Load("parse-invalid.json"));
    private static readonly Lazy<Dictionary<string, JsonElement>> ResolveCases = new(() => Load("resolve-cases.json").ToDictionary(c => c.GetProperty("id").GetString()!, StringComparer.Ordinal));

    public static TheoryData<int, string> ValidCases => Names(Valid.Value);

    public static TheoryData<int, string> InvalidCases => Names(Invalid.Value);

    public static TheoryData<string> ResolveCaseIds => [.. ResolveCases.Value.Keys];

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ParseValid_Input_ParsesAndResolves(int index, string input)
    {
        // Arrange
        var entry = Valid.Value[index];
        var options = HoconOptions.Default.WithoutEnvironment();

        // Act
        var document = HoconParser.ParseString(input, $"parse-valid[{index}]", options);
        var config = document.IsArray ? null : document.Resolve(options);

        // Assert
        if (config is not null && entry.TryGetProperty("lightbend_result", out var expected))
        {
            Assert.True(ExpectationChecker.JsonEquals(expected, config.Root), $"{config.ToJson(indented: false)} != {expected.GetRawText()}");
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void ParseInvalid_Input_ThrowsPositionedHoconException(int index, string input)
    {
        // Arrange
        var options = HoconOptions.Default.WithoutEnvironment();

        // Act
        var error = Assert.Throws<HoconException>(() =>
        {
            var document = HoconParser.ParseString(input, $"parse-invalid[{index}]", options);
            document.Resolve(options);
        });

        // Assert
        Assert.True(error.Line > 0 && error.Column > 0, $"no position in: {error.Message}");
    }

    [Theory]
    [MemberData(nameof(ValidCases))]
    public void ParseValid_WhitespaceVariations_ParseAndResolve(int index, string input)
    {
        // Arrange (the variations lightbend/config's TestUtils.whitespaceVariations applies)
        var options = HoconOptions.Default.WithoutEnvironment();

        // Act + Assert
        foreach (var variant in Variations(Valid.Value[index], input))
        {
            var document = HoconParser.ParseString(variant, $"parse-valid[{index}] variant", options);
            if (!document.IsArray)
            {
                document.Resolve(options);
            }
        }
    }

    [Theory]
    [MemberData(nameof(InvalidCases))]
    public void ParseInvalid_WhitespaceVariations_Throw(int index, string input)
    {
        // Arrange
        var options = HoconOptions.Default.WithoutEnvironment();

        // Act + Assert
        foreach (var variant in Variations(Invalid.Value[index], input))
        {
            var error = Record.Exception(() => HoconParser.ParseString(variant, $"parse-invalid[{index}] variant", options).Resolve(options));
            Assert.True(error is HoconException { Line: > 0 }, $"variant {JsonSerializer.Serialize(variant)} gave {error?.GetType().Name ?? "no error"}");
        }
    }

    [Theory]
    [MemberData(nameof(ResolveCaseIds))]
    public void ResolveCase_Conf_MatchesExpectations(string id)
    {
        // Arrange
        var entry = ResolveCases.Value[id];
        var conf = entry.GetProperty("conf").GetString()!;
        var rows = entry.GetProperty("expect").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToArray()).ToList();
        var options = HoconOptions.Default.WithoutEnvironment();
        if (entry.TryGetProperty("env", out var env))
        {
            var variables = env.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString(), StringComparer.Ordinal);
            options = options with { UseEnvironment = true, EnvironmentLookup = name => variables.GetValueOrDefault(name) };
        }

        // Act
        HoconConfig? config = null;
        HoconException? error = null;
        try
        {
            config = HoconParser.ParseString(conf, id, options).Resolve(options);
        }
        catch (HoconException e)
        {
            error = e;
        }

        // Assert
        if (rows.Exists(r => r[1] == "error"))
        {
            Assert.True(error is not null, $"{id} should fail but gave {config?.ToJson(indented: false)}");
            Assert.True(error.Line > 0, $"error without a position: {error.Message}");
            return;
        }

        Assert.True(error is null, $"{id} failed: {error?.Message}");
        var failures = rows.Select(r => ExpectationChecker.Check(config!, r[0], r[1], r[2])).OfType<string>().ToList();
        Assert.True(failures.Count == 0, string.Join('\n', failures));
    }

    private static IEnumerable<string> Variations(JsonElement entry, string input)
    {
        if (entry.GetProperty("whitespace_matters").GetBoolean())
        {
            yield break;
        }

        if (input.Contains(' ', StringComparison.Ordinal))
        {
            yield return input.Replace(' ', '\u2003');
        }

        yield return " " + input;
        yield return input + " ";
        yield return " " + input + " ";
        yield return input.Replace(" ", string.Empty, StringComparison.Ordinal);
        yield return input.Replace(":", " : ", StringComparison.Ordinal);
        yield return input.Replace(",", " , ", StringComparison.Ordinal);
    }

    private static JsonElement[] Load(string name) =>
        [.. JsonDocument.Parse(File.ReadAllText(Path.Combine(Corpus.Snippets, name))).RootElement.GetProperty("cases").EnumerateArray()];

    private static TheoryData<int, string> Names(JsonElement[] cases)
    {
        var data = new TheoryData<int, string>();
        for (var i = 0; i < cases.Length; i++)
        {
            data.Add(i, cases[i].GetProperty("input").GetString()!);
        }

        return data;
    }
}
