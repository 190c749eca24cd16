using TunnelActors.Cli.Hosting;

namespace TunnelActors.Cli.Tests.Hosting;

// The process environment is never touched here: the runtime reads the variable once per process, and turning inline
// completions on in the test host would change how every other test's sockets complete.
public sealed class SocketCompletionsTests
{
    [Fact]
    public void PreferInline_VariableUnset_SetsItToOne()
    {
        var environment = new Dictionary<string, string>();

        SocketCompletions.PreferInline(name => environment.GetValueOrDefault(name), (name, value) => environment[name] = value);

        Assert.Equal("1", environment["DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS"]);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("")]
    public void PreferInline_UserSetTheVariable_KeepsTheUsersValue(string value)
    {
        var environment = new Dictionary<string, string> { [SocketCompletions.Variable] = value };

        SocketCompletions.PreferInline(name => environment.GetValueOrDefault(name), (name, v) => environment[name] = v);

        Assert.Equal(value, environment[SocketCompletions.Variable]);
    }
}
