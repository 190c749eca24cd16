namespace TunnelActors.Cli.Tests.Systemd;

/// <summary>A fact skipped with a clear message when <c>systemd-analyze</c> is not installed.</summary>
internal sealed class RequiresSystemdAnalyzeFactAttribute : FactAttribute
{
    public const string Path = "/usr/bin/systemd-analyze";

    public RequiresSystemdAnalyzeFactAttribute()
    {
        if (!File.Exists(Path))
        {
            Skip = $"{Path} not installed (apt-get install systemd)";
        }
    }
}
