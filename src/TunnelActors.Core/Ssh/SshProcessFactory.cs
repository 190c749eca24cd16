using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace TunnelActors.Core.Ssh;

/// <summary>Starts real ssh processes and records them in a <see cref="PidRegistry"/>.</summary>
/// <param name="time">The clock for start/exit times and the stop grace period.</param>
/// <param name="registry">Where started processes are recorded for <see cref="OrphanReaper"/>, or null for none.</param>
/// <param name="options">How processes are run, or null for <see cref="SshProcessOptions.Default"/>.</param>
/// <param name="logger">The logger, or null for none.</param>
public sealed class SshProcessFactory(
    TimeProvider time,
    PidRegistry? registry = null,
    SshProcessOptions? options = null,
    ILogger<SshProcessFactory>? logger = null) : ISshProcessFactory
{
    private readonly SshProcessOptions _options = options ?? SshProcessOptions.Default;
    private readonly ILogger _logger = logger ?? (ILogger)NullLogger.Instance;

    /// <inheritdoc />
    public ISshProcess Start(SshStartRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return SshProcess.Start(request, _options, time, _logger, registry);
    }
}
