using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Doctor;

/// <summary>Step (c): the identity file exists, is readable by us, and is not readable by others (ssh refuses such keys).</summary>
internal static class IdentityCheck
{
    public const string Id = "identity";
    public const string Title = "identity file is present, readable and private";

    private const UnixFileMode GroupOrOther =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
        | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Checks the configured identity file, or else the ones ssh -G lists that exist.</summary>
    public static DoctorStep Run(TunnelSettings tunnel, SshResolvedConfig resolved)
    {
        var configured = tunnel.Destination.IdentityFile;
        var candidates = configured is not null ? [configured] : resolved.IdentityFiles.Where(File.Exists).ToList();
        if (candidates.Count == 0)
        {
            return new DoctorStep(Id, Title, Verdict.Warn,
                [$"no identity file: none of {string.Join(", ", resolved.IdentityFiles)} exists"],
                ["set identity-file in the tunnel to the private key to use (ssh can then only use an agent via SSH_AUTH_SOCK, which a daemon rarely has)"]);
        }

        var findings = new List<string>();
        var advice = new List<string>();
        foreach (var path in candidates)
        {
            Inspect(path, findings, advice);
        }

        return new DoctorStep(Id, Title, advice.Count > 0 ? Verdict.Fail : Verdict.Ok, [.. findings], [.. advice]);
    }

    private static void Inspect(string path, List<string> findings, List<string> advice)
    {
        if (!File.Exists(path))
        {
            findings.Add($"{path} does not exist");
            advice.Add($"fix identity-file (now {path}) or create the key: ssh-keygen -t ed25519 -f {path}");
            return;
        }

        try
        {
            using var stream = File.OpenRead(path);
        }
        catch (Exception exception) when (exception is UnauthorizedAccessException or IOException)
        {
            findings.Add($"{path} cannot be read by {Environment.UserName}: {exception.Message}");
            advice.Add($"make the key readable by the user that runs tunnelactors ({Environment.UserName}): chown {Environment.UserName} {path} && chmod 600 {path}");
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            findings.Add($"{path} readable");
            return;
        }

        var mode = File.GetUnixFileMode(path);
        if ((mode & GroupOrOther) != 0)
        {
            findings.Add($"{path} has mode {Octal(mode)}: ssh refuses a private key that others can read (\"UNPROTECTED PRIVATE KEY FILE\")");
            advice.Add($"chmod 600 {path}");
            return;
        }

        findings.Add($"{path} readable, mode {Octal(mode)}");
    }

    private static string Octal(UnixFileMode mode) => "0" + Convert.ToString((int)mode & 0x1FF, 8);
}
