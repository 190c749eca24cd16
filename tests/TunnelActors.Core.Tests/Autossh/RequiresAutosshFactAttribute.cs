namespace TunnelActors.Core.Tests.Autossh;

/// <summary>A fact that is skipped with a clear message when the autossh reference binary is missing.</summary>
internal sealed class RequiresAutosshFactAttribute : FactAttribute
{
    public RequiresAutosshFactAttribute()
    {
        if (ReferenceAutossh.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
