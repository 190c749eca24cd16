using System.Security.Cryptography;
using System.Text;

namespace TunnelActors.Cli.Control;

/// <summary>The bearer token required on the loopback TCP listener, compared in constant time.</summary>
internal sealed class BearerToken
{
    private readonly byte[] _expectedHash;

    private BearerToken(string token) => _expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Reads the token (surrounding whitespace trimmed) from <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is empty.</exception>
    public static BearerToken FromFile(string path)
    {
        var token = File.ReadAllText(path).Trim();
        return token.Length == 0 ? throw new InvalidDataException($"the control token file {path} is empty") : new BearerToken(token);
    }

    /// <summary>A token given directly (tests).</summary>
    public static BearerToken FromValue(string token) => new(token);

    /// <summary>True when <paramref name="authorization"/> is <c>Bearer &lt;token&gt;</c> with the right token.</summary>
    public bool Accepts(string? authorization)
    {
        const string Scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        // Hashing first makes the comparison independent of the presented token's length.
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(authorization[Scheme.Length..].Trim()));
        return CryptographicOperations.FixedTimeEquals(presented, _expectedHash);
    }
}
