namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>A fact that needs a real ssh, ssh-keygen and sshd; skipped with the reason when they are missing.</summary>
public sealed class RequiresSshdFactAttribute : FactAttribute
{
    /// <summary>Sets <see cref="FactAttribute.Skip"/> when the prerequisites are missing.</summary>
    public RequiresSshdFactAttribute()
    {
        if (Prerequisites.WhySshdMissing is { } reason)
        {
            Skip = $"Real sshd test skipped: {reason}.";
        }
    }
}
