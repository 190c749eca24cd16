namespace TunnelActors.Cli.Tests.Autossh;

/// <summary>How an <see cref="EchoServer"/> answers what it reads (autossh.md §8's <c>ECHO(E, mode)</c>).</summary>
internal enum EchoMode
{
    /// <summary>Sends every byte back unchanged.</summary>
    Echo,

    /// <summary>Sends the bytes back upper-cased (ASCII): an answer arrives, but not the one sent.</summary>
    Mangle,

    /// <summary>Accepts and reads, never answers.</summary>
    Silent,
}
