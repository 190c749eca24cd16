using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>Tests of <see cref="AutosshMonitorPort"/> (autossh.md §1.3, §1.5).</summary>
public sealed class AutosshMonitorPortTests
{
    [Theory]
    [InlineData("20000", 20000, null)]
    [InlineData("20000:7", 20000, 7)]
    [InlineData("0", 0, null)]
    [InlineData("0:7", 0, 7)]
    [InlineData("0x4e20", 20000, null)]   // base 0: hex
    [InlineData("010", 8, null)]          // base 0: octal
    [InlineData(" +20000", 20000, null)]  // strtoul skips blanks and takes a sign
    [InlineData("65534", 65534, null)]
    public void TryParse_ValidValue_GivesPortAndEcho(string text, int port, int? echo)
    {
        var error = AutosshMonitorPort.TryParse(text, AutosshDialect.Improved, out var parsed);

        Assert.Null(error);
        Assert.Equal(new AutosshMonitorPort(port, echo), parsed);
    }

    [Theory]
    [InlineData("4294967297", 1, null)]     // C int truncation
    [InlineData("20000:70000", 20000, 70000)]
    [InlineData("20000:-1", 20000, -1)]
    public void TryParse_ReferenceDialect_KeepsAutosshWrapAround(string text, int port, int? echo)
    {
        var error = AutosshMonitorPort.TryParse(text, AutosshDialect.Reference, out var parsed);

        Assert.Null(error);
        Assert.Equal(new AutosshMonitorPort(port, echo), parsed);
    }

    [Fact]
    public void ForwardArguments_LoopMode_AddsLocalAndRemote()
    {
        var port = new AutosshMonitorPort(24000, null);

        Assert.Equal(["-L", "24000:127.0.0.1:24000", "-R", "24000:127.0.0.1:24001"], port.ForwardArguments());
        Assert.True(port.IsLoop);
        Assert.Equal(24001, port.ReturnPort);
    }

    [Fact]
    public void ForwardArguments_EchoMode_AddsOnlyLocal()
    {
        var port = new AutosshMonitorPort(24100, 22407);

        Assert.Equal(["-L", "24100:127.0.0.1:22407"], port.ForwardArguments());
        Assert.True(port.IsEcho);
    }

    [Fact]
    public void ForwardArguments_Disabled_AddsNothing()
    {
        var port = new AutosshMonitorPort(0, 7);

        Assert.Empty(port.ForwardArguments());
        Assert.True(port.IsDisabled);
    }
}
