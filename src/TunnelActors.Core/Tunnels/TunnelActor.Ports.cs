using System.Net.Sockets;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Monitoring;

namespace TunnelActors.Core.Tunnels;

/// <summary>Ports and listeners of the monitor that outlive one incarnation.</summary>
internal sealed partial class TunnelActor
{
    /// <summary>The TCP port for echo or TCP-loop mode when the settings leave it open: picked once per actor, so every
    /// incarnation uses the same ports (as autossh's -M).</summary>
    private int? PickPort(MonitorSettings monitor) => monitor switch
    {
        { Port: { } port } => port,
        { Mode: MonitorMode.Loop, Transport: LoopTransport.Tcp } => _pickedPort ??= PickUnreserved(LoopbackPorts.FindFreePair, pair: true),
        { Mode: MonitorMode.Echo } => _pickedPort ??= PickUnreserved(LoopbackPorts.FindFree, pair: false),
        _ => null,
    };

    /// <summary>A free port that no tunnel has configured: a port free now may belong to a tunnel whose ssh has not
    /// started yet (the handshake cap delays it), and taking it would make that tunnel fail forever.</summary>
    private int PickUnreserved(Func<int> pick, bool pair)
    {
        for (var attempt = 0; attempt < 64; attempt++)
        {
            var port = pick();
            if (!_env.IsReservedPort(port) && !(pair && _env.IsReservedPort(port + 1)))
            {
                return port;
            }
        }

        throw new SocketException((int)SocketError.AddressAlreadyInUse);
    }

    /// <summary>The TCP loop's return listener lives as long as the actor (autossh keeps its listen socket for its whole
    /// life), so a restart never races the previous incarnation's socket for the port.</summary>
    private void EnsureTcpListener(ProbeEndpoint.Tcp endpoint)
    {
        if (_tcpListener?.Endpoint == endpoint)
        {
            return;
        }

        DisposeInBackground(_tcpListener);
        _tcpListener = null;
        _tcpListener = LoopListener.Start(endpoint);
    }

    private static void DisposeInBackground(LoopListener? listener)
    {
        if (listener is not null)
        {
            _ = Task.Run(async () => await listener.DisposeAsync());
        }
    }
}
