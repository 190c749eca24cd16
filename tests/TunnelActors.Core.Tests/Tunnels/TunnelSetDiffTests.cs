using System.Collections.Immutable;
using TunnelActors.Core.Configuration;
using TunnelActors.Core.Tests.Tunnels.Fakes;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Core.Tests.Tunnels;

public sealed class TunnelSetDiffTests
{
    [Fact]
    public void Between_AddedRemovedChangedUnchanged_SortedByName()
    {
        var keep = TunnelTestSettings.Tunnel("keep", localPort: 1);
        var change = TunnelTestSettings.Tunnel("change", localPort: 2);
        var gone = TunnelTestSettings.Tunnel("gone", localPort: 3);
        var added = TunnelTestSettings.Tunnel("added", localPort: 4);

        var diff = TunnelSetDiff.Between([keep, change, gone], [keep, change with { StopGracePeriod = TimeSpan.FromSeconds(9) }, added]);

        Assert.Equal(["added"], diff.Added.Select(t => t.Name));
        Assert.Equal(["change"], diff.Changed.Select(t => t.Name));
        Assert.Equal(["gone"], diff.Removed.ToArray());
        Assert.Equal(["keep"], diff.Unchanged.ToArray());
    }

    [Fact]
    public void Between_EqualArraysInDifferentInstances_Unchanged()
    {
        var a = TunnelTestSettings.Tunnel("a");
        var copy = a with
        {
            Local = [.. a.Local],
            SshOptions = ImmutableArray.Create(new KeyValuePair<string, string>("Compression", "yes")),
        };
        var before = a with { SshOptions = ImmutableArray.Create(new KeyValuePair<string, string>("Compression", "yes")) };

        var diff = TunnelSetDiff.Between([before], [copy]);

        Assert.Equal(["a"], diff.Unchanged.ToArray());
        Assert.Empty(diff.Changed);
    }

    [Fact]
    public void Between_ForwardChanged_Changed()
    {
        var a = TunnelTestSettings.Tunnel("a", localPort: 1);
        var b = TunnelTestSettings.Tunnel("a", localPort: 2);

        var diff = TunnelSetDiff.Between([a], [b]);

        Assert.Equal(["a"], diff.Changed.Select(t => t.Name));
    }

    [Fact]
    public void Between_MonitorModeChanged_Changed()
    {
        var a = TunnelTestSettings.Tunnel("a", MonitorMode.None);
        var b = TunnelTestSettings.Tunnel("a", MonitorMode.Echo);

        Assert.Single(TunnelSetDiff.Between([a], [b]).Changed);
    }

    [Fact]
    public void Between_RemoteCommandChanged_Changed()
    {
        var a = TunnelTestSettings.Tunnel("a") with { RemoteCommand = ["sleep", "10"] };
        var b = a with { RemoteCommand = ["sleep", "20"] };

        var diff = TunnelSetDiff.Between([a], [b]);

        Assert.Equal(["a"], diff.Changed.Select(t => t.Name));
    }

    [Fact]
    public void Between_RemoteCommandAddedToAPlainTunnel_Changed()
    {
        var a = TunnelTestSettings.Tunnel("a");

        var diff = TunnelSetDiff.Between([a], [a with { RemoteCommand = ["uptime"] }]);

        Assert.Equal(["a"], diff.Changed.Select(t => t.Name));
    }

    [Fact]
    public void Between_EqualRemoteCommandsInDifferentInstances_Unchanged()
    {
        var a = TunnelTestSettings.Tunnel("a") with { RemoteCommand = ["sleep", "10"] };
        var copy = a with { RemoteCommand = ["sleep", "10"] };

        var diff = TunnelSetDiff.Between([a], [copy]);

        Assert.Equal(["a"], diff.Unchanged.ToArray());
        Assert.Empty(diff.Changed);
    }
}
