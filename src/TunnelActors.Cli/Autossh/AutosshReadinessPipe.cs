using System.Text;
using Microsoft.Win32.SafeHandles;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>The parent's side of the readiness pipe of <c>-f</c>: the child inherits the write end, the parent reads one
/// line from the read end (<see cref="AutosshReadiness"/>).</summary>
/// <remarks>Order: <see cref="Create"/>, <see cref="WriteDescriptor"/> into the child's
/// environment (<see cref="AutosshReadinessReporter.Variable"/>), start the child,
/// <see cref="CloseWriteEnd"/> (else the parent's own copy would hide the child's death), then <see cref="ReadAsync"/>.</remarks>
internal sealed class AutosshReadinessPipe : IDisposable
{
    private readonly SafeFileHandle _read;
    private SafeFileHandle? _write;

    private AutosshReadinessPipe(int read, int write)
    {
        _read = new SafeFileHandle(read, ownsHandle: true);
        _write = new SafeFileHandle(write, ownsHandle: true);
        WriteDescriptor = write;
    }

    /// <summary>The write end's descriptor number: the one the child must inherit.</summary>
    public int WriteDescriptor { get; }

    /// <summary>A new pipe whose write end is inheritable (its read end stays close-on-exec).</summary>
    /// <exception cref="System.ComponentModel.Win32Exception">No pipe can be created.</exception>
    public static AutosshReadinessPipe Create()
    {
        var (read, write) = UnixDescriptors.CreatePipe();
        UnixDescriptors.SetCloseOnExec(write, closeOnExec: false);
        return new AutosshReadinessPipe(read, write);
    }

    /// <summary>Closes the parent's copy of the write end (after the child has started).</summary>
    public void CloseWriteEnd() => Interlocked.Exchange(ref _write, null)?.Dispose();

    /// <summary>The child's report; null when the pipe ended without a valid line (the child died).</summary>
    /// <exception cref="TimeoutException">Nothing came within <paramref name="limit"/>.</exception>
    public async Task<AutosshReadiness?> ReadAsync(TimeSpan limit, TimeProvider time)
    {
        // A blocking read on a thread of its own: a pipe's read cannot be cancelled, but the wait for it can. If the limit
        // passes, the parent exits and the read ends with it.
        var line = Task.Factory.StartNew(ReadLine, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return AutosshReadiness.Parse(await line.WaitAsync(limit, time));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        CloseWriteEnd();
        _read.Dispose();
    }

    private string? ReadLine()
    {
        using var stream = new FileStream(_read, FileAccess.Read, bufferSize: 0);
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false);
        return reader.ReadLine();
    }
}
