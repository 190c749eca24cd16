namespace TunnelActors.Hocon.Tests.Conformance;

/// <summary>Pins our choice on each implementation-defined point of the corpus README (see src/TunnelActors.Hocon/README.md).</summary>
public sealed class ImplementationDefinedTests
{
    private static readonly HoconOptions NoEnv = HoconOptions.Default.WithoutEnvironment();

    [Fact]
    public void FileInclude_FileFunction_IsRelativeToTheIncludingFile()
    {
        // Act
        var config = HoconParser.Load(Path.Combine(Corpus.Lightbend, "file-include.conf"), NoEnv);

        // Assert
        Assert.Equal(45, config.GetInt("baz"));
        Assert.Equal(44, config.GetInt("bar-file"));
    }

    [Fact]
    public void IncludeFromList_IncludedFileWithSubstitutions_ResolvesInsideTheElement()
    {
        // Act
        var config = HoconParser.Load(Path.Combine(Corpus.Lightbend, "include-from-list.conf"), NoEnv);

        // Assert
        var element = new HoconConfig(Assert.IsType<HoconObject>(Assert.Single(config.GetList("a"))));
        Assert.Equal(42, element.GetInt("ints.fortyTwoAgain"));
        Assert.Equal("null bar 42 baz true 3.14 hi", element.GetString("strings.concatenated"));
    }

    [Fact]
    public void ClasspathInclude_WithoutClasspathRoots_HeuristicIncludeIsMissingAndIgnored()
    {
        // Act
        var config = HoconParser.Load(Path.Combine(Corpus.Lightbend, "test07.conf"), NoEnv);

        // Assert
        Assert.Null(config.Find("test-lib"));
    }

    [Fact]
    public void ClasspathInclude_WithClasspathRoot_FallsBackToIt()
    {
        // Act
        var config = HoconParser.Load(Path.Combine(Corpus.Lightbend, "test08.conf"), NoEnv with { ClasspathRoots = [Path.Combine(Corpus.Lightbend, "classpath")] });

        // Assert
        Assert.Equal("This is to test classpath searches.", config.GetString("test-lib.description"));
    }

    [Fact]
    public void PropertiesInclude_Equiv03_LoadsPropertiesNextToConf()
    {
        // Act
        var config = HoconParser.Load(Path.Combine(Corpus.Lightbend, "equiv03", "includes.conf"), NoEnv);

        // Assert
        Assert.Equal("true", config.GetString("letters.c.fromProp"));
    }

    [Theory]
    [InlineData("a = 007", 7L)]
    [InlineData("a = -0", 0L)]
    public void Numbers_LeadingZerosAndNegativeZero_AreIntegers(string text, long expected)
    {
        // Act
        var value = Assert.IsType<HoconNumber>(HoconParser.ParseString(text).Resolve(NoEnv).GetValue("a"));

        // Assert
        Assert.Equal(expected, value.Integer);
    }

    [Fact]
    public void MutualSelfReference_BothKeysEndEqual()
    {
        // Act (HOCON.md allows 1, 2 or an error; we look backward from the first key resolved)
        var config = HoconParser.ParseString("a : 1, b : 2, a : ${b}, b : ${a}").Resolve(NoEnv);

        // Assert
        Assert.Equal(config.GetInt("a"), config.GetInt("b"));
    }

    [Fact]
    public void NumericallyIndexedObject_IsNotConvertedToAnArray()
    {
        // Act
        var config = HoconParser.ParseString("a { 0 = x, 1 = y }").Resolve(NoEnv);

        // Assert
        Assert.Throws<HoconException>(() => config.GetList("a"));
    }

    [Fact]
    public void Period_MonthsAndYears_AreRejected()
    {
        // Act
        var error = Assert.Throws<HoconException>(() => TunnelActors.Hocon.Units.HoconPeriod.ToDays(new HoconString("2 months", default)));

        // Assert
        Assert.Contains("no fixed number of days", error.Message, StringComparison.Ordinal);
    }
}
