namespace TunnelActors.Core.Journal.Storage;

/// <summary>The store refused a batch for good (e.g. a sequence number already exists): retrying cannot succeed.</summary>
/// <remarks>Connection and storage problems (locked, read-only, full, corrupt) are never signalled with this type.</remarks>
public sealed class JournalWriteRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public JournalWriteRejectedException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
