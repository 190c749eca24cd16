using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TunnelActors.Core.Monitoring;

/// <summary>The bytes one probe sends: who sent it (tunnel, incarnation, sequence) and 16 random bytes, so an echo can
/// only match the probe it answers.</summary>
/// <remarks>Wire form (ASCII, one line): <c>TA1 &lt;tunnel&gt; &lt;incarnation&gt; &lt;sequence&gt; &lt;32 hex digits&gt;\n</c>.</remarks>
public sealed class ProbeNonce
{
    /// <summary>Number of random bytes per nonce.</summary>
    public const int RandomLength = 16;

    private readonly byte[] _bytes;

    private ProbeNonce(string tunnelName, long incarnation, long sequence, byte[] random)
    {
        TunnelName = tunnelName;
        Incarnation = incarnation;
        Sequence = sequence;
        RandomHex = Convert.ToHexStringLower(random);
        _bytes = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture, $"TA1 {tunnelName} {incarnation} {sequence} {RandomHex}\n"));
    }

    /// <summary>The tunnel that sent it.</summary>
    public string TunnelName { get; }

    /// <summary>The ssh incarnation it probes.</summary>
    public long Incarnation { get; }

    /// <summary>The probe's number within the incarnation.</summary>
    public long Sequence { get; }

    /// <summary>The random part, lower-case hex.</summary>
    public string RandomHex { get; }

    /// <summary>The bytes on the wire.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>A nonce with cryptographically random bytes.</summary>
    public static ProbeNonce Create(string tunnelName, long incarnation, long sequence)
    {
        Span<byte> random = stackalloc byte[RandomLength];
        RandomNumberGenerator.Fill(random);
        return Create(tunnelName, incarnation, sequence, random);
    }

    /// <summary>A nonce with the given random bytes (tests).</summary>
    public static ProbeNonce Create(string tunnelName, long incarnation, long sequence, ReadOnlySpan<byte> random)
    {
        ArgumentException.ThrowIfNullOrEmpty(tunnelName);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"Expected {RandomLength} random bytes.", nameof(random));
        }

        if (tunnelName.Any(c => c is ' ' or '\n' or '\r' || c > 127))
        {
            throw new ArgumentException("The tunnel name must be printable ASCII without spaces.", nameof(tunnelName));
        }

        return new ProbeNonce(tunnelName, incarnation, sequence, random.ToArray());
    }

    /// <summary>Whether <paramref name="received"/> is exactly this nonce (constant-time compare).</summary>
    public bool Matches(ReadOnlySpan<byte> received) => CryptographicOperations.FixedTimeEquals(received, _bytes);

    /// <inheritdoc />
    public override string ToString() => Encoding.ASCII.GetString(_bytes).TrimEnd('\n');
}
