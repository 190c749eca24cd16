namespace TunnelActors.Core.Tests.Autossh;

/// <summary>A theory that is skipped with a clear message when the autossh reference binary is missing.</summary>
internal sealed class RequiresAutosshTheoryAttribute : TheoryAttribute
{
    public RequiresAutosshTheoryAttribute()
    {
        if (ReferenceAutossh.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
