namespace TunnelActors.Kernel.Actor;

/// <summary>Generic success/failure replies; a <see cref="Failure"/> reply fails an Ask with its cause.</summary>
public static class Status
{
    /// <summary>A successful outcome carrying an optional value.</summary>
    public sealed record Success(object? Status);

    /// <summary>A failed outcome carrying its cause.</summary>
    public sealed record Failure(Exception Cause);
}
