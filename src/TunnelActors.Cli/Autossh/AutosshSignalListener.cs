using System.Runtime.InteropServices;
using System.Threading.Channels;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Cli.Autossh;

/// <summary>Catches TERM, INT, HUP, USR1 and USR2 (none of them kills the process) and queues them for the supervisor.</summary>
internal sealed class AutosshSignalListener : IDisposable
{
    private static readonly AutosshSignal[] Handled =
        [AutosshSignal.Term, AutosshSignal.Int, AutosshSignal.Hup, AutosshSignal.Usr1, AutosshSignal.Usr2];

    private readonly List<PosixSignalRegistration> _registrations = [];

    private AutosshSignalListener()
    {
    }

    /// <summary>Registers the handlers; each signal is written to <paramref name="inbox"/> as an <see cref="AutosshSignal"/>.</summary>
    public static AutosshSignalListener Start(ChannelWriter<object> inbox)
    {
        var listener = new AutosshSignalListener();
        foreach (var signal in Handled)
        {
            // PosixSignal accepts raw Linux signal numbers (USR1 = 10, USR2 = 12) on Unix.
            listener._registrations.Add(PosixSignalRegistration.Create((PosixSignal)(int)signal, context =>
            {
                context.Cancel = true;
                inbox.TryWrite(signal);
            }));
        }

        return listener;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }
    }
}
