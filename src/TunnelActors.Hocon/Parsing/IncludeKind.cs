namespace TunnelActors.Hocon.Parsing;

/// <summary>The form of an include statement.</summary>
internal enum IncludeKind
{
    /// <summary><c>include "name"</c>: relative to the including file, then the classpath roots.</summary>
    Heuristic,

    /// <summary><c>include file("name")</c>.</summary>
    File,

    /// <summary><c>include url("...")</c>: always rejected.</summary>
    Url,

    /// <summary><c>include classpath("name")</c>: searched in the configured classpath roots only.</summary>
    Classpath,
}
