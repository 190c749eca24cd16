using System.Net;
using System.Net.Sockets;

namespace TunnelActors.Core.Monitoring;

/// <summary>Where a probe connects or a listener listens: a loopback TCP port or a Unix socket path.</summary>
public abstract record ProbeEndpoint
{
    private ProbeEndpoint()
    {
    }

    /// <summary>Creates a socket of the right family for this endpoint.</summary>
    public abstract Socket CreateSocket();

    /// <summary>The endpoint as a <see cref="EndPoint"/> for connect and bind.</summary>
    public abstract EndPoint ToEndPoint();

    /// <summary>A TCP port on 127.0.0.1.</summary>
    /// <param name="Port">The port (1..65535).</param>
    public sealed record Tcp(int Port) : ProbeEndpoint
    {
        /// <inheritdoc />
        public override Socket CreateSocket() => new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

        /// <inheritdoc />
        public override EndPoint ToEndPoint() => new IPEndPoint(IPAddress.Loopback, Port);

        /// <inheritdoc />
        public override string ToString() => $"127.0.0.1:{Port}";
    }

    /// <summary>A Unix domain socket file.</summary>
    /// <param name="Path">Absolute path of the socket file.</param>
    public sealed record Unix(string Path) : ProbeEndpoint
    {
        /// <inheritdoc />
        public override Socket CreateSocket() => new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);

        /// <inheritdoc />
        public override EndPoint ToEndPoint() => new UnixDomainSocketEndPoint(Path);

        /// <inheritdoc />
        public override string ToString() => Path;
    }
}
