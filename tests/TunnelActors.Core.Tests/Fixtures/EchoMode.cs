namespace TunnelActors.Core.Tests.Fixtures;

/// <summary>How <see cref="EchoServer"/> answers.</summary>
public enum EchoMode
{
    /// <summary>Sends back exactly what arrives.</summary>
    Echo,

    /// <summary>Reads but never answers (a stalled far end).</summary>
    Silent,

    /// <summary>Answers with every byte incremented (a far end that answers, wrongly).</summary>
    Mangle,
}
