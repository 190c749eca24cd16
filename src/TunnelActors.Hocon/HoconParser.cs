using TunnelActors.Hocon.Parsing;

namespace TunnelActors.Hocon;

/// <summary>Entry points: parse HOCON text or files into documents, or load a resolved config in one call.</summary>
public static class HoconParser
{
    /// <summary>Parses text held in memory; relative includes resolve against the working directory.</summary>
    /// <param name="text">The HOCON (or JSON) text.</param>
    /// <param name="description">How the source is named in error messages.</param>
    /// <param name="options">Classpath roots for includes; environment settings are used by <see cref="HoconDocument.Resolve"/>.</param>
    public static HoconDocument ParseString(string text, string description = "<string>", HoconOptions? options = null) =>
        new(new IncludeLoader(options ?? HoconOptions.Default).ParseText(text, description), description);

    /// <summary>Parses a file (.conf, .json or .properties); a name without extension loads name.properties, .json and .conf merged.</summary>
    public static HoconDocument ParseFile(string path, HoconOptions? options = null) =>
        new(new IncludeLoader(options ?? HoconOptions.Default).ParseTopLevel(path), path);

    /// <summary>Parses and resolves a file.</summary>
    public static HoconConfig Load(string path, HoconOptions? options = null) => ParseFile(path, options).Resolve(options);
}
