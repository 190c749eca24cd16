using System.Collections.Immutable;
using System.Diagnostics;

namespace TunnelActors.Core.Ssh;

/// <summary>One ssh invocation as data: the program, its argument vector and a digest for the journal.</summary>
/// <param name="FileName">The ssh program (a name looked up on PATH, or a path).</param>
/// <param name="Arguments">Every argument after the program name, in order.</param>
/// <param name="Digest">SHA-256 (lower-case hex) of the program name and arguments, see <see cref="SshArgvDigest"/>.</param>
public sealed record SshCommand(string FileName, ImmutableArray<string> Arguments, string Digest)
{
    /// <summary>Creates a command and computes its digest.</summary>
    public static SshCommand Create(string fileName, IEnumerable<string> arguments)
    {
        var args = arguments.ToImmutableArray();
        return new SshCommand(fileName, args, SshArgvDigest.Compute(fileName, args));
    }

    /// <summary>A start info that runs the command directly (argument list, never a shell).</summary>
    public ProcessStartInfo ToStartInfo()
    {
        var info = new ProcessStartInfo(FileName) { UseShellExecute = false };
        foreach (var argument in Arguments)
        {
            info.ArgumentList.Add(argument);
        }

        return info;
    }

    /// <summary>The command as one line for logs (arguments with spaces quoted; never parsed back).</summary>
    public override string ToString() =>
        string.Join(' ', Arguments.Prepend(FileName).Select(a => a.Length == 0 || a.Contains(' ') ? $"'{a}'" : a));
}
