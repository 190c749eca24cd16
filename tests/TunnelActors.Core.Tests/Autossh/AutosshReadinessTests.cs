using TunnelActors.Core.Autossh;

namespace TunnelActors.Core.Tests.Autossh;

/// <summary>The readiness line of <c>-f</c> (DEVIATIONS.md row 31): <c>ready</c> or <c>exit &lt;status&gt; &lt;reason&gt;</c>.</summary>
public sealed class AutosshReadinessTests
{
    [Fact]
    public void ToLine_Ready_IsTheWordReady() => Assert.Equal("ready\n", AutosshReadiness.Ready.ToLine());

    [Theory]
    [InlineData(1, "bind on 127.0.0.1:20001: Address already in use", "exit 1 bind on 127.0.0.1:20001: Address already in use\n")]
    [InlineData(0, "max start count reached; exiting", "exit 0 max start count reached; exiting\n")]
    [InlineData(1, null, "exit 1\n")]
    [InlineData(1, "  ", "exit 1\n")]
    [InlineData(1, "first\nsecond\r\nthird", "exit 1 first second third\n")]
    public void ToLine_Exited_IsOneLine(int status, string? reason, string line) =>
        Assert.Equal(line, AutosshReadiness.Exited(status, reason).ToLine());

    [Fact]
    public void Exited_LongReason_IsCutBelowPipeBuf()
    {
        var report = AutosshReadiness.Exited(1, new string('x', 5000));

        Assert.Equal(AutosshReadiness.MaxReasonLength, report.Reason.Length);
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(report.ToLine()) < 4096);
    }

    [Fact]
    public void Exited_CutInsideASurrogatePair_KeepsThePairWhole()
    {
        var reason = new string('x', AutosshReadiness.MaxReasonLength - 1) + "\U0001F600";

        var report = AutosshReadiness.Exited(1, reason);

        Assert.Equal(AutosshReadiness.MaxReasonLength - 1, report.Reason.Length);
    }

    [Theory]
    [InlineData(null, "")]
    [InlineData(1, "bind on 127.0.0.1:20001: Address already in use")]
    [InlineData(0, "")]
    [InlineData(137, "two  spaces kept")]
    public void Parse_WhatToLineWrote_GivesTheSameReport(int? status, string reason)
    {
        var report = status is { } code ? AutosshReadiness.Exited(code, reason) : AutosshReadiness.Ready;

        Assert.Equal(report, AutosshReadiness.Parse(report.ToLine().TrimEnd('\n')));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Ready")]
    [InlineData("ready now")]
    [InlineData("exit")]
    [InlineData("exit x reason")]
    [InlineData("exit 1x")]
    [InlineData("exited 1 reason")]
    public void Parse_AnythingElse_IsNull(string? line) => Assert.Null(AutosshReadiness.Parse(line));
}
