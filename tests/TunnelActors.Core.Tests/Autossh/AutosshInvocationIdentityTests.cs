using System.Text;
using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Tests of <see cref="AutosshInvocationIdentity"/>: which spellings of a drop-in command are the same tunnel,
/// and the stored form.</summary>
public sealed class AutosshInvocationIdentityTests
{
    private const string Cwd = "/home/u/tunnels";

    private static AutosshInvocationIdentity Of(string[] args, string cwd = Cwd, params string[] env)
    {
        var environment = AutosshEnvironment.Read(env.Select(p => p.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]));
        return AutosshInvocationIdentity.Of(AutosshMapping.Map(AutosshCommandLine.Parse(args, environment), environment), cwd);
    }

    [Theory]
    [InlineData("-f -M 0 -N -L 5000:localhost:5000 host")]       // -f
    [InlineData("-N -M 0 -L 5000:localhost:5000 host")]          // autossh's option elsewhere
    [InlineData("-M 0 -N -L 5000:localhost:5000 -- host")]       // the first -- is dropped
    public void Of_SameSshCommandSpelledOtherwise_IsEqual(string commandLine)
    {
        var reference = Of(["-M", "0", "-N", "-L", "5000:localhost:5000", "host"]);

        var identity = Of(commandLine.Split(' '));

        Assert.Equal(reference, identity);
        Assert.Equal(reference.GetHashCode(), identity.GetHashCode());
    }

    [Fact]
    public void Of_MonitorPortFromTheEnvironmentOrInHex_IsEqualToDashM()
    {
        var dashM = Of(["-M", "20000", "-N", "host"]);

        Assert.Equal(dashM, Of(["-N", "host"], Cwd, "AUTOSSH_PORT=20000"));
        Assert.Equal(dashM, Of(["-M", "0x4e20", "-N", "host"]));
    }

    [Fact]
    public void Of_VariablesThatDoNotShapeSsh_DoNotCount()
    {
        var plain = Of(["-M", "0", "-N", "host"]);

        var tuned = Of(["-M", "0", "-N", "host"], Cwd,
            "AUTOSSH_POLL=30", "AUTOSSH_FIRST_POLL=5", "AUTOSSH_GATETIME=0", "AUTOSSH_MAXSTART=3", "AUTOSSH_MAXLIFETIME=99",
            "AUTOSSH_MESSAGE=hi", "AUTOSSH_DEBUG=1", "AUTOSSH_LOGFILE=/tmp/l", "AUTOSSH_PIDFILE=/tmp/p");

        Assert.Equal(plain, tuned);
    }

    [Theory]
    [InlineData(new[] { "-M", "0", "-N", "other" }, Cwd, null)]                                  // destination
    [InlineData(new[] { "-M", "0", "-N", "-L", "5001:localhost:5000", "host" }, Cwd, null)]      // a forward
    [InlineData(new[] { "-M", "0", "host", "uptime" }, Cwd, null)]                               // a remote command
    [InlineData(new[] { "-M", "20000", "-N", "host" }, Cwd, null)]                               // monitoring
    [InlineData(new[] { "-N", "host" }, Cwd, null)]                                              // automatic loop port
    [InlineData(new[] { "-M", "20000:7", "-N", "host" }, Cwd, null)]                             // echo port
    [InlineData(new[] { "-M", "0", "-N", "host" }, "/elsewhere", null)]                          // working directory
    [InlineData(new[] { "-M", "0", "-N", "host" }, Cwd, "AUTOSSH_PATH=/opt/ssh")]                // ssh program
    public void Of_DifferentSshCommandOrDirectory_IsNotEqual(string[] args, string cwd, string? variable)
    {
        var reference = Of(["-M", "0", "-N", "host"], Cwd);

        var identity = Of(args, cwd, variable is null ? [] : [variable]);

        Assert.NotEqual(reference, identity);
    }

    [Fact]
    public void Of_PosixlyCorrectChangingWhatSshGets_IsNotEqual()
    {
        // Permuted, the last -M is autossh's (monitoring off); with POSIXLY_CORRECT getopt stops at the destination and
        // "-M 0" goes to ssh.
        string[] args = ["-M", "20000", "host", "-M", "0"];

        Assert.NotEqual(Of(args), Of(args, Cwd, "POSIXLY_CORRECT=1"));
    }

    [Fact]
    public void FromJson_OfToJson_GivesAnEqualIdentityForAnyText()
    {
        var identity = Of(["-M", "20000:7", "-o", "ProxyCommand nc %h %p", "-i", "key \"q\"\n", "host", "echo", "é ✓ \\"], "/d ir/ü");

        var read = AutosshInvocationIdentity.FromJson(identity.ToJson());

        Assert.Equal(identity, read);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"format":1}""")]
    [InlineData("""{"format":2,"sshPath":"/usr/bin/ssh","sshOptions":[],"destination":"h","remoteCommand":[],"workingDirectory":"/"}""")]
    [InlineData("""{"format":1,"sshPath":"/usr/bin/ssh","sshOptions":[null],"destination":"h","remoteCommand":[],"workingDirectory":"/"}""")]
    [InlineData("""{"format":1,"sshPath":"/usr/bin/ssh","sshOptions":"-N","destination":"h","remoteCommand":[],"workingDirectory":"/"}""")]
    public void FromJson_NotAStoredIdentity_IsNull(string text)
    {
        Assert.Null(AutosshInvocationIdentity.FromJson(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void FromJson_CurrentFormatWritten_IsRead()
    {
        const string Text = """{"format":1,"sshPath":"/usr/bin/ssh","sshOptions":["-N"],"destination":"h","remoteCommand":[],"workingDirectory":"/"}""";

        var identity = AutosshInvocationIdentity.FromJson(Encoding.UTF8.GetBytes(Text));

        Assert.Equal(Of(["-M", "0", "-N", "h"], "/") with { Monitor = null }, identity);
    }
}
