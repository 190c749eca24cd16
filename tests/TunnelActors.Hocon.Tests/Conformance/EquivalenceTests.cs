using System.Text.Json;

namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>Every file directly inside equivNN/ resolves to the same tree as equivNN/original.json.</summary>
public sealed class EquivalenceTests
{
    public static TheoryData<string> Cases => [.. Directory.GetDirectories(Corpus.Lightbend, "equiv*")
        .SelectMany(dir => Directory.GetFiles(dir).Where(f => f.EndsWith(".conf", StringComparison.Ordinal) || f.EndsWith(".json", StringComparison.Ordinal)))
        .Select(f => Path.GetRelativePath(Corpus.Lightbend, f))
        .Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void EquivalentFile_Resolved_EqualsOriginalJson(string file)
    {
        // Arrange
        var path = Path.Combine(Corpus.Lightbend, file);
        var original = JsonDocument.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(path)!, "original.json"))).RootElement;
        var options = HoconOptions.Default.WithoutEnvironment();

        // Act
        var config = HoconParser.Load(path, options);

        // Assert
        Assert.True(ExpectationChecker.JsonEquals(original, config.Root), $"{file} resolved to {config.ToJson(indented: false)}; expected {original.GetRawText()}");
    }
}
