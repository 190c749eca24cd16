using System.Security.Cryptography;
using System.Text;

namespace TunnelActors.Core.Ssh;

/// <summary>SHA-256 over an argument vector, so the journal can tell whether two starts ran the same command.</summary>
public static class SshArgvDigest
{
    /// <summary>Hashes the program name and every argument, each UTF-8 encoded and NUL-terminated.</summary>
    /// <remarks>NUL cannot occur inside an argv element, so the encoding is unambiguous.</remarks>
    public static string Compute(string fileName, IEnumerable<string> arguments)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, fileName);
        foreach (var argument in arguments)
        {
            Append(hash, argument);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Append(IncrementalHash hash, string value)
    {
        hash.AppendData(Encoding.UTF8.GetBytes(value));
        hash.AppendData([0]);
    }
}
