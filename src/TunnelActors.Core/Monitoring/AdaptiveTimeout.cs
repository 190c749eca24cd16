namespace TunnelActors.Core.Monitoring;

/// <summary>A probe timeout that follows the measured round-trip time, as TCP's retransmission timer does
/// (RFC 6298: SRTT, RTTVAR, timeout = SRTT + 4·RTTVAR), clamped to [min, max]. Immutable: each step returns a new value.</summary>
/// <param name="Current">The timeout to use for the next probe.</param>
/// <param name="Min">Lower bound.</param>
/// <param name="Max">Upper bound.</param>
/// <param name="SmoothedRtt">SRTT, or null before the first measurement.</param>
/// <param name="RttVariance">RTTVAR.</param>
public sealed record AdaptiveTimeout(TimeSpan Current, TimeSpan Min, TimeSpan Max, TimeSpan? SmoothedRtt, TimeSpan RttVariance)
{
    /// <summary>Starts at <paramref name="initial"/> (clamped) with no measurement.</summary>
    public static AdaptiveTimeout Create(TimeSpan initial, TimeSpan min, TimeSpan max)
    {
        if (min <= TimeSpan.Zero || max < min)
        {
            throw new ArgumentException($"Need 0 < min ({min}) <= max ({max}).");
        }

        return new AdaptiveTimeout(Clamp(initial, min, max), min, max, null, TimeSpan.Zero);
    }

    /// <summary>Takes a successful probe's round-trip time into account.</summary>
    public AdaptiveTimeout Observe(TimeSpan rtt)
    {
        if (rtt < TimeSpan.Zero)
        {
            rtt = TimeSpan.Zero;
        }

        TimeSpan srtt, rttvar;
        if (SmoothedRtt is not { } previous)
        {
            srtt = rtt;
            rttvar = rtt / 2;
        }
        else
        {
            // RFC 6298 §2.3 with alpha = 1/8, beta = 1/4.
            rttvar = (RttVariance * 3 / 4) + ((previous - rtt).Duration() / 4);
            srtt = (previous * 7 / 8) + (rtt / 8);
        }

        return this with { SmoothedRtt = srtt, RttVariance = rttvar, Current = Clamp(srtt + (rttvar * 4), Min, Max) };
    }

    /// <summary>After a timed-out probe: double the timeout (up to max), so a slow but alive link is confirmed
    /// with more patience before it is declared dead (RFC 6298 §5.5).</summary>
    public AdaptiveTimeout OnTimeout() => this with { Current = Clamp(Current * 2, Min, Max) };

    private static TimeSpan Clamp(TimeSpan value, TimeSpan min, TimeSpan max) =>
        value < min ? min : value > max ? max : value;
}
