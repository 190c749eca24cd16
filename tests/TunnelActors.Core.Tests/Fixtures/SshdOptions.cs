namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>How <see cref="SshdFixture"/> configures its sshd.</summary>
/// <param name="ClientAliveInterval">sshd's ClientAliveInterval in seconds (0 disables server keepalives).</param>
/// <param name="ClientAliveCountMax">sshd's ClientAliveCountMax.</param>
/// <param name="Namespace">Run sshd inside this network namespace (see <see cref="NetnsSshdFixture"/>), or null.</param>
/// <param name="ExtraConfig">More sshd_config lines, appended verbatim.</param>
public sealed record SshdOptions(
    int ClientAliveInterval = 5,
    int ClientAliveCountMax = 2,
    string? Namespace = null,
    IReadOnlyList<string>? ExtraConfig = null);
