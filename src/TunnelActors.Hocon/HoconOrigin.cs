namespace TunnelActors.Hocon;

/// <summary>Where a value or token came from.</summary>
/// <param name="File">The file path, or a description such as <c>&lt;string&gt;</c> or <c>env var HOME</c>.</param>
/// <param name="Line">1-based line (0 when not from a file).</param>
/// <param name="Column">1-based column (0 when not from a file).</param>
public readonly record struct HoconOrigin(string File, int Line, int Column)
{
    /// <summary>An origin for values that come from no text (env vars, defaults).</summary>
    public static HoconOrigin Synthetic(string description) => new(description, 0, 0);

    /// <summary>The file name without its directory, for short messages.</summary>
    public string FileName => System.IO.Path.GetFileName(File);

    /// <summary>Formats as <c>file:line:column</c>.</summary>
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}
