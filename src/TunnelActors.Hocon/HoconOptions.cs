namespace TunnelActors.Hocon;

/// <summary>How documents are loaded and resolved.</summary>
public sealed record HoconOptions
{
    /// <summary>The defaults: environment fallback on, reading the process environment, no classpath roots.</summary>
    public static HoconOptions Default { get; } = new();

    /// <summary>Whether <c>${X}</c> falls back to the environment variable <c>X</c> when the path is absent.</summary>
    public bool UseEnvironment { get; init; } = true;

    /// <summary>The environment lookup (names are case-sensitive); injectable for tests.</summary>
    public Func<string, string?> EnvironmentLookup { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Folders standing in for the JVM classpath: searched by <c>classpath("x")</c> and by
    /// <c>include "x"</c> when x is not found next to the including file.</summary>
    public IReadOnlyList<string> ClasspathRoots { get; init; } = [];

    /// <summary>Options with environment fallback switched off.</summary>
    public HoconOptions WithoutEnvironment() => this with { UseEnvironment = false };
}
