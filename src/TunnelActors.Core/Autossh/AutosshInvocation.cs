using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>A parsed <c>autossh [-V] [-M port[:echo_port]] [-f] [ssh args...]</c> command line.</summary>
/// <param name="Action">Run, print the version, or fail.</param>
/// <param name="Monitor">The monitor port, or null when it is chosen automatically (or on failure).</param>
/// <param name="PortSource">Where the monitor port came from.</param>
/// <param name="Background"><c>-f</c>: detach, and force the gate time to 0.</param>
/// <param name="SshPath">The ssh program (<c>AUTOSSH_PATH</c> or <c>/usr/bin/ssh</c>).</param>
/// <param name="SshArgs">The user's arguments exactly as ssh receives them, without the monitor forwards.</param>
/// <param name="Error">The error when <paramref name="Action"/> is <see cref="AutosshAction.Fail"/>.</param>
public sealed record AutosshInvocation(
    AutosshAction Action,
    AutosshMonitorPort? Monitor,
    AutosshPortSource PortSource,
    bool Background,
    string SshPath,
    ImmutableArray<string> SshArgs,
    AutosshError? Error)
{
    /// <summary>The exit status when the invocation does not run ssh: 0 for <c>-V</c>, the error's code on failure.</summary>
    public int? ImmediateExitCode => Action switch
    {
        AutosshAction.PrintVersion => 0,
        AutosshAction.Fail => Error?.ExitCode ?? 1,
        _ => null,
    };

    /// <summary>
    /// The whole ssh argv as autossh 1.4g on Debian execs it: path, monitor forwards (first, Debian patch 010),
    /// then <see cref="SshArgs"/>. With an automatic port the forwards are not known yet and left out.
    /// </summary>
    public ImmutableArray<string> SshArgv() =>
        [SshPath, .. Monitor?.ForwardArguments() ?? [], .. SshArgs];

    /// <summary>An invocation that fails with <paramref name="error"/>.</summary>
    public static AutosshInvocation Failed(AutosshError error, string sshPath) =>
        new(AutosshAction.Fail, null, AutosshPortSource.Automatic, false, sshPath, [], error);

    /// <summary>The <c>-V</c> invocation.</summary>
    public static AutosshInvocation Version(string sshPath) =>
        new(AutosshAction.PrintVersion, null, AutosshPortSource.Automatic, false, sshPath, [], null);
}
