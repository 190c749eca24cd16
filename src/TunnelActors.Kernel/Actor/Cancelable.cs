namespace TunnelActors.Kernel.Actor;

/// <summary>The standard <see cref="ICancelable"/>, backed by a <see cref="CancellationTokenSource"/>.</summary>
public sealed class Cancelable : ICancelable, IDisposable
{
    private readonly CancellationTokenSource _source = new();

    /// <inheritdoc />
    public bool IsCancellationRequested => _source.IsCancellationRequested;

    /// <inheritdoc />
    public CancellationToken Token => _source.Token;

    /// <inheritdoc />
    public void Cancel() => _source.Cancel();

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();
}
