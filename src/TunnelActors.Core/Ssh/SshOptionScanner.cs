namespace TunnelActors.Core.Ssh;

/// <summary>Finds the option keys set with <c>-o</c> inside pass-through ssh arguments.</summary>
internal static class SshOptionScanner
{
    /// <summary>Keys of <c>-o Key=Value</c>, <c>-o "Key Value"</c> and <c>-oKey=Value</c> in <paramref name="args"/>.</summary>
    public static IEnumerable<string> OptionKeys(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            string? option = null;
            if (args[i] == "-o" && i + 1 < args.Count)
            {
                option = args[++i];
            }
            else if (args[i].StartsWith("-o", StringComparison.Ordinal) && args[i].Length > 2)
            {
                option = args[i][2..];
            }

            if (option is not null)
            {
                var key = option.Trim().Split(['=', ' ', '\t'], 2)[0];
                if (key.Length > 0)
                {
                    yield return key;
                }
            }
        }
    }
}
