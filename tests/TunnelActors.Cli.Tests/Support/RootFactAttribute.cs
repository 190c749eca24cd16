namespace TunnelActors.Cli.Tests.Support;

/// <summary>A fact that needs root and the given programs on PATH; skipped with a reason otherwise.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute(params string[] programs)
    {
        if (Environment.UserName != "root")
        {
            Skip = "needs root (to run a client under another uid)";
        }
        else if (programs.FirstOrDefault(p => ChildProcess.Find(p) is null) is { } missing)
        {
            Skip = $"needs '{missing}' on PATH";
        }
    }
}
