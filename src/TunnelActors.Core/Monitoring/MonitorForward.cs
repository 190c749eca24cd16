using TunnelActors.Core.Configuration;

namespace TunnelActors.Core.Monitoring;

/// <summary>One forward the monitor adds to the ssh command line.</summary>
/// <param name="Kind"><see cref="ForwardKind.Local"/> (<c>-L</c>) or <see cref="ForwardKind.Remote"/> (<c>-R</c>).</param>
/// <param name="Spec">The text after the flag, e.g. <c>20000:127.0.0.1:20000</c> or <c>/run/a.sock:/tmp/b.sock</c>.</param>
public sealed record MonitorForward(ForwardKind Kind, string Spec)
{
    /// <summary>The ssh flag for <see cref="Kind"/>.</summary>
    public string Flag => Kind switch
    {
        ForwardKind.Local => "-L",
        ForwardKind.Remote => "-R",
        _ => throw new InvalidOperationException($"The monitor never adds a {Kind} forward."),
    };
}
