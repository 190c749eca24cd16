namespace TunnelActors.Core.Configuration;

/// <summary>One problem in a configuration, with where it is and what was expected.</summary>
/// <param name="File">The file the offending value is in (as given, or the included file).</param>
/// <param name="Line">1-based line (0 when not known).</param>
/// <param name="Column">1-based column (0 when not known).</param>
/// <param name="Path">The setting, relative to <c>tunnelactors</c>, e.g. <c>tunnels.web.local[1]</c> (empty for syntax errors).</param>
/// <param name="Message">What is wrong and what was expected.</param>
public sealed record ConfigurationError(string File, int Line, int Column, string Path, string Message)
{
    /// <summary>Formats as <c>file:line: path: message</c>.</summary>
    public override string ToString()
    {
        var where = Line > 0 ? $"{DisplayFile}:{Line}" : DisplayFile;
        return Path.Length > 0 ? $"{where}: {Path}: {Message}" : $"{where}{(Line > 0 && Column > 0 ? $":{Column}" : string.Empty)}: {Message}";
    }

    private string DisplayFile
    {
        get
        {
            if (!System.IO.Path.IsPathRooted(File))
            {
                return File;
            }

            var relative = System.IO.Path.GetRelativePath(Directory.GetCurrentDirectory(), File);
            return relative.StartsWith("..", StringComparison.Ordinal) ? File : relative;
        }
    }
}
