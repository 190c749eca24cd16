using System.Collections.Immutable;
using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

/// <summary>The stderr tails below were captured from OpenSSH_9.2p1 Debian-2+deb12u10 against a real sshd on
/// 127.0.0.1 (and inside a private network namespace for the timeouts); see FailureClassifierLiveTests.</summary>
public sealed class FailureClassifierTests
{
    public static TheoryData<string, int?, int?, string[], FailureReason> CapturedExits => new()
    {
        { "wrong key", 255, null, ["Warning: Permanently added '[127.0.0.1]:22499' (ED25519) to the list of known hosts.", "root@127.0.0.1: Permission denied (publickey)."], FailureReason.AuthFailed },
        { "unknown host key, strict", 255, null, ["No ED25519 host key is known for [127.0.0.1]:22499 and you have requested strict checking.", "Host key verification failed."], FailureReason.HostKeyUnknown },
        {
            "changed host key, strict", 255, null,
            [
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @",
                "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@",
                "IT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!",
                "Someone could be eavesdropping on you right now (man-in-the-middle attack)!",
                "It is also possible that a host key has just been changed.",
                "The fingerprint for the ED25519 key sent by the remote host is",
                "SHA256:a3nLj8dSfX2CHYbSR2Bjt0/7tKlR4E8QwZliwbcSHxQ.",
                "Please contact your system administrator.",
                "Add correct host key in /tmp/sshcap/bad_kh to get rid of this message.",
                "Offending ED25519 key in /tmp/sshcap/bad_kh:1",
                "  remove with:",
                "  ssh-keygen -f \"/tmp/sshcap/bad_kh\" -R \"[127.0.0.1]:22499\"",
                "Host key for [127.0.0.1]:22499 has changed and you have requested strict checking.",
                "Host key verification failed.",
            ],
            FailureReason.HostKeyChanged
        },
        {
            "changed host key, checking off", 255, null,
            [
                "Offending ED25519 key in /tmp/sshcap/bad_kh:1",
                "Password authentication is disabled to avoid man-in-the-middle attacks.",
                "Keyboard-interactive authentication is disabled to avoid man-in-the-middle attacks.",
                "Port forwarding is disabled to avoid man-in-the-middle attacks.",
                "Error: forwarding disabled due to host key check failure",
            ],
            FailureReason.HostKeyChanged
        },
        { "closed port", 255, null, ["ssh: connect to host 127.0.0.1 port 1: Connection refused"], FailureReason.ConnectionRefused },
        { "unresolvable name", 255, null, ["ssh: Could not resolve hostname nonexistent.invalid: Name or service not known"], FailureReason.Dns },
        { "resolver unreachable (netns)", 255, null, ["ssh: Could not resolve hostname nonexistent.invalid: Temporary failure in name resolution"], FailureReason.Dns },
        { "connect timeout", 255, null, ["ssh: connect to host 127.0.0.1 port 22499: Connection timed out"], FailureReason.Timeout },
        { "proxy banner timeout", 255, null, ["Connection timed out during banner exchange", "Connection to UNKNOWN port 65535 timed out"], FailureReason.Timeout },
        { "unreachable", 255, null, ["ssh: connect to host 10.9.9.9 port 22499: Network is unreachable"], FailureReason.Timeout },
        { "keepalive timeout (session stopped)", 255, null, ["Warning: Permanently added '[127.0.0.1]:22499' (ED25519) to the list of known hosts.", "Timeout, server 127.0.0.1 not responding."], FailureReason.Timeout },
        {
            "local port busy", 255, null,
            ["bind [127.0.0.1]:23010: Address already in use", "channel_setup_fwd_listener_tcpip: cannot listen to port: 23010", "Could not request local forwarding."],
            FailureReason.LocalForwardBusy
        },
        { "local socket busy", 255, null, ["unix_listener: cannot bind to path /tmp/sshcap/busy.sock: Address already in use", "Could not request local forwarding."], FailureReason.LocalForwardBusy },
        { "remote port busy", 255, null, ["Error: remote port forwarding failed for listen port 23010"], FailureReason.RemoteForwardRefused },
        { "remote socket refused", 255, null, ["Error: remote port forwarding failed for listen path /nonexistent-dir/x.sock"], FailureReason.RemoteForwardRefused },
        { "session killed", 255, null, ["Connection to 127.0.0.1 closed by remote host."], FailureReason.ClosedByRemote },
        { "reset during key exchange", 255, null, ["kex_exchange_identification: read: Connection reset by peer", "Connection reset by 127.0.0.1 port 22499"], FailureReason.ClosedByRemote },
        {
            "channel errors then closed", 255, null,
            ["channel 1: open failed: connect failed: Connection refused", "Connection to 127.0.0.1 closed by remote host."],
            FailureReason.ClosedByRemote
        },
        { "sigterm to ssh -N", 0, null, ["Warning: Permanently added '[127.0.0.1]:22499' (ED25519) to the list of known hosts."], FailureReason.CleanExit },
        { "killed by someone", null, 9, [], FailureReason.KilledBySignal },
        { "setsid exec failure", 127, null, ["setsid: failed to execute /opt/ssh-nope: No such file or directory"], FailureReason.ExecFailed },
        { "odd status", 3, null, [], FailureReason.Unknown },
        { "255 and silence", 255, null, [], FailureReason.Unknown },
    };

    [Theory]
    [MemberData(nameof(CapturedExits))]
    public void Classify_CapturedStderr_GivesReason(string scenario, int? exitCode, int? signal, string[] stderr, FailureReason expected)
    {
        var exit = Exit(exitCode, signal, stderr);

        var reason = FailureClassifier.Classify(exit);

        Assert.True(expected == reason, $"{scenario}: expected {expected}, got {reason}");
    }

    [Fact]
    public void Classify_StopRequestedForProbeFailure_ProbeTimeout()
    {
        var exit = Exit(0, null, []) with { StopRequested = true };

        Assert.Equal(FailureReason.ProbeTimeout, FailureClassifier.Classify(exit, stoppedForProbeFailure: true));
        Assert.Equal(FailureReason.Stopped, FailureClassifier.Classify(exit));
    }

    [Fact]
    public void Classify_StartError_ExecFailed()
    {
        var exit = Exit(null, null, []) with { StartError = "ssh program 'nope' not found" };

        Assert.Equal(FailureReason.ExecFailed, FailureClassifier.Classify(exit));
    }

    [Theory]
    [InlineData(FailureReason.AuthFailed, true)]
    [InlineData(FailureReason.HostKeyChanged, true)]
    [InlineData(FailureReason.HostKeyUnknown, true)]
    [InlineData(FailureReason.ExecFailed, true)]
    [InlineData(FailureReason.Dns, false)]
    [InlineData(FailureReason.Timeout, false)]
    [InlineData(FailureReason.RemoteForwardRefused, false)]
    [InlineData(FailureReason.ClosedByRemote, false)]
    public void IsPermanent_Reason_AsDocumented(FailureReason reason, bool permanent)
    {
        Assert.Equal(permanent, reason.IsPermanent());
    }

    private static SshExit Exit(int? code, int? signal, string[] stderr)
    {
        var at = new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        return new SshExit(code, signal, at, at.AddSeconds(1), [.. stderr], StopRequested: false);
    }
}
