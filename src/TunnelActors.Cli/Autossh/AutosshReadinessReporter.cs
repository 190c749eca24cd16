using System.Globalization;
using System.Text;
using Microsoft.Win32.SafeHandles;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>The detached child's end of the readiness pipe of <c>-f</c>: the first report is written and the pipe closed,
/// later reports are ignored.</summary>
/// <remarks>In the foreground (no pipe) every report is ignored. The descriptor is made close-on-exec at once, so no ssh
/// inherits it (an ssh holding it would hide the child's death from the parent).</remarks>
internal sealed class AutosshReadinessReporter : IDisposable
{
    /// <summary>Set in the detached child's environment to the descriptor number of the pipe's write end.</summary>
    public const string Variable = "TUNNELACTORS_AUTOSSH_READY_FD";

    private FileStream? _pipe;

    private AutosshReadinessReporter(int? descriptor, FileStream? pipe)
    {
        Descriptor = descriptor;
        _pipe = pipe;
    }

    /// <summary>The pipe's descriptor number, or null without a pipe.</summary>
    public int? Descriptor { get; }

    /// <summary>A reporter that reports nowhere (the foreground drop-in).</summary>
    public static AutosshReadinessReporter None() => new(null, null);

    /// <summary>Takes the pipe named by <see cref="Variable"/> and removes the variable (ssh and its ProxyCommand must
    /// not see it); without a valid pipe descriptor, reports nowhere.</summary>
    public static AutosshReadinessReporter FromEnvironment()
    {
        var value = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, null);
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var fd)
            || fd <= 2
            || UnixDescriptors.Target(fd)?.StartsWith("pipe:", StringComparison.Ordinal) != true)
        {
            return None();
        }

        UnixDescriptors.SetCloseOnExec(fd, closeOnExec: true);
        return new(fd, new FileStream(new SafeFileHandle(fd, ownsHandle: true), FileAccess.Write, bufferSize: 0));
    }

    /// <summary>Writes <paramref name="report"/> as one line and closes the pipe, unless something was reported before.</summary>
    public void Report(AutosshReadiness report)
    {
        if (Interlocked.Exchange(ref _pipe, null) is not { } pipe)
        {
            return;
        }

        try
        {
            pipe.Write(Encoding.UTF8.GetBytes(report.ToLine()));
        }
        catch (IOException)
        {
            // EPIPE: the parent stopped waiting (its time limit passed); nobody is left to tell.
        }
        finally
        {
            pipe.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => Interlocked.Exchange(ref _pipe, null)?.Dispose();
}
