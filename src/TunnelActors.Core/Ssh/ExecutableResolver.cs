namespace TunnelActors.Core.Ssh;

/// <summary>Finds a program the way execvp(3) does: a name with a slash as is, otherwise along PATH.</summary>
internal static class ExecutableResolver
{
    /// <summary>The full path of an executable <paramref name="program"/>, or null when none is found.</summary>
    public static string? Resolve(string program, string? path = null)
    {
        if (program.Length == 0)
        {
            return null;
        }

        if (program.Contains('/'))
        {
            return IsExecutable(program) ? program : null;
        }

        path ??= Environment.GetEnvironmentVariable("PATH") ?? "/usr/local/bin:/usr/bin:/bin";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, program))
            .FirstOrDefault(IsExecutable);
    }

    private static bool IsExecutable(string file)
    {
        if (!File.Exists(file))
        {
            return false;
        }

        if (OperatingSystem.IsWindows())
        {
            return true;
        }

        const UnixFileMode anyExecute = UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return (File.GetUnixFileMode(file) & anyExecute) != 0;
    }
}
