using System.Net;
using System.Text.Json;
using TunnelActors.Cli.History;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Control;

[Collection(DaemonCollection.Name)]
public sealed class ControlApiTests
{
    [Fact]
    public async Task GetTunnels_Running_ListsStatusesInCamelCaseWithTextStates()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        var since = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        daemon.Controller.Statuses =
        [
            FakeTunnelController.Status("alpha", TunnelState.Up, since),
            FakeTunnelController.Status("beta", TunnelState.BackingOff, since, restarts: 3, failure: "connection refused"),
        ];
        using var http = daemon.Http();

        using var response = await http.GetAsync("v1/tunnels");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var tunnels = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["alpha", "beta"], tunnels.Select(t => t.GetProperty("name").GetString()));
        Assert.Equal(["up", "backing-off"], tunnels.Select(t => t.GetProperty("state").GetString()));
        Assert.Equal(12, tunnels[0].GetProperty("rttMs").GetDouble());
        Assert.Equal(3, tunnels[1].GetProperty("restarts").GetInt32());
        Assert.Equal("connection refused", tunnels[1].GetProperty("lastFailure").GetString());
    }

    [Fact]
    public async Task GetTunnel_KnownAndUnknownName_AnswersStatusOr404()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();

        using var known = await http.GetAsync("v1/tunnels/alpha");
        using var unknown = await http.GetAsync("v1/tunnels/nope");

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal("up", JsonDocument.Parse(await known.Content.ReadAsStringAsync()).RootElement.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("unknown tunnel 'nope'", JsonDocument.Parse(await unknown.Content.ReadAsStringAsync()).RootElement.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("restart")]
    [InlineData("stop")]
    [InlineData("start")]
    public async Task PostTunnelAction_KnownName_ReachesControllerAndUnknownIs404(string action)
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();

        using var known = await http.PostAsync($"v1/tunnels/alpha/{action}", null);
        using var unknown = await http.PostAsync($"v1/tunnels/nope/{action}", null);

        Assert.Equal(HttpStatusCode.OK, known.StatusCode);
        Assert.Equal([(action, "alpha")], daemon.Controller.Actions);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task PostProbe_Running_ProbesEveryTunnel()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();

        using var response = await http.PostAsync("v1/probe", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(daemon.Controller.Probed.IsCompleted);
    }

    [Fact]
    public async Task PostReload_ValidFile_AppliesAndAnswersTheDiff()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"]);
        daemon.WriteConfig("beta", "gamma");
        using var http = daemon.Http();

        using var response = await http.PostAsync("v1/reload", null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(json.RootElement.GetProperty("applied").GetBoolean());
        Assert.Equal(["gamma"], json.RootElement.GetProperty("added").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["alpha"], json.RootElement.GetProperty("removed").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["beta"], json.RootElement.GetProperty("unchanged").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["beta", "gamma"], (await daemon.Controller.Applied).Tunnels.Select(t => t.Name));
    }

    [Fact]
    public async Task PostReload_InvalidFile_Answers422WithPositionedErrorsAndAppliesNothing()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        daemon.WriteConfig("alpha", "!unknown key 'tunels'");
        using var http = daemon.Http();

        using var response = await http.PostAsync("v1/reload", null);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.False(json.RootElement.GetProperty("applied").GetBoolean());
        Assert.Equal([$"{daemon.ConfigPath}:2:1: unknown key 'tunels'"], json.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(daemon.Controller.AppliedSettings);
    }

    [Fact]
    public async Task GetHistory_NoJournal_Answers501WithMessage()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();

        using var response = await http.GetAsync("v1/tunnels/alpha/history?since=1h");

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        Assert.Contains("no event journal", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetHistory_WithJournal_PassesNameSinceAndLimitAndReturnsEntries()
    {
        var now = DateTimeOffset.UtcNow;
        var history = new FakeHistory(
        [
            new TunnelHistoryEntry(now.AddHours(-3), "alpha", "ssh-exited", 1, "exit 255"),
            new TunnelHistoryEntry(now.AddMinutes(-10), "alpha", "ssh-started", 2, null),
            new TunnelHistoryEntry(now.AddMinutes(-5), "beta", "ssh-started", 1, null),
        ]);
        await using var daemon = await TestDaemon.StartAsync(["alpha", "beta"], history);
        using var http = daemon.Http();

        using var one = await http.GetAsync("v1/tunnels/alpha/history?since=1h&limit=5");
        var oneQuery = history.LastQuery;
        using var all = await http.GetAsync("v1/history?since=1h");

        Assert.Equal(HttpStatusCode.OK, one.StatusCode);
        var entries = JsonDocument.Parse(await one.Content.ReadAsStringAsync()).RootElement.EnumerateArray().ToList();
        Assert.Equal(["ssh-started"], entries.Select(e => e.GetProperty("event").GetString()));
        Assert.Equal(2, entries[0].GetProperty("incarnation").GetInt32());
        Assert.Equal("alpha", oneQuery?.Tunnel);
        Assert.Equal(5, oneQuery?.Limit);
        Assert.InRange(oneQuery!.Value.Since, now.AddHours(-1).AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(-1).AddMinutes(1));
        Assert.Equal(2, JsonDocument.Parse(await all.Content.ReadAsStringAsync()).RootElement.GetArrayLength());
        Assert.Null(history.LastQuery?.Tunnel);
    }

    [Fact]
    public async Task GetHistory_MalformedSince_Answers400()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"], new FakeHistory([]));
        using var http = daemon.Http();

        using var response = await http.GetAsync("v1/history?since=yesterday-ish");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task AnyRequest_ControllerThrows_Answers500AndKeepsServing()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();
        daemon.Controller.Failure = new InvalidOperationException("actor crashed");

        using var failed = await http.GetAsync("v1/tunnels");
        daemon.Controller.Failure = null;
        using var next = await http.GetAsync("v1/tunnels");

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Contains("actor crashed", await failed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        Assert.False(daemon.Exit.IsCompleted);
    }

    [Fact]
    public async Task AnyRequest_ControllerHangs_Answers503AfterTheDeadline()
    {
        var options = new TunnelActors.Cli.Hosting.DaemonOptions(TimeSpan.FromHours(1), TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));
        await using var daemon = await TestDaemon.StartAsync(["alpha"], options: options);
        using var http = daemon.Http();
        var never = new TaskCompletionSource();
        daemon.Controller.Hang = never.Task;

        using var response = await http.GetAsync("v1/tunnels");
        daemon.Controller.Hang = null;

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("did not answer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnyResponse_Always_HasNoServerHeaderAndUnknownPathsAre404()
    {
        await using var daemon = await TestDaemon.StartAsync(["alpha"]);
        using var http = daemon.Http();

        using var response = await http.GetAsync("v2/whatever");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(response.Headers.Server);
    }
}
