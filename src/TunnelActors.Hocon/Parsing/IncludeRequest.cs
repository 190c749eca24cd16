namespace TunnelActors.Hocon.Parsing;

/// <summary>One include statement as written.</summary>
/// <param name="Kind">heuristic, file(), url() or classpath().</param>
/// <param name="Name">The quoted name.</param>
/// <param name="Required">Wrapped in <c>required(...)</c>: a missing file is an error.</param>
/// <param name="IncludingFile">The file the statement is in.</param>
/// <param name="Origin">Where the statement is.</param>
internal sealed record IncludeRequest(IncludeKind Kind, string Name, bool Required, string IncludingFile, HoconOrigin Origin);
