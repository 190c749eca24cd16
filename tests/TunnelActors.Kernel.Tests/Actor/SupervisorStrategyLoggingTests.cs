using Microsoft.Extensions.Logging;
using TunnelActors.Kernel.Actor;
using TunnelActors.Kernel.Tests.Support;

namespace TunnelActors.Kernel.Tests.Actor;

public sealed class SupervisorStrategyLoggingTests
{
    [Theory]
    [InlineData(Directive.Resume, LogLevel.Warning, "resumed")]
    [InlineData(Directive.Restart, LogLevel.Error, "restarted")]
    [InlineData(Directive.Stop, LogLevel.Error, "stopped")]
    public async Task HandleFailure_Directive_LoggedAtAkkaLevel(Directive directive, LogLevel expected, string word)
    {
        var (provider, kit) = CreateKit();
        using (kit)
        {
            var child = await FailOnce(kit, directive);

            await TestKit.TestKit.AwaitConditionAsync(() => provider.Entries.Any(e => e.Message.Contains(word, StringComparison.Ordinal)));

            var entry = provider.Entries.Single(e => e.Message.Contains(child, StringComparison.Ordinal) && e.Message.Contains("failed", StringComparison.Ordinal));
            Assert.Equal(expected, entry.Level);
        }
    }

    [Fact]
    public async Task HandleFailure_Escalate_NotLoggedForTheChild()
    {
        var (provider, kit) = CreateKit();
        using (kit)
        {
            var child = await FailOnce(kit, Directive.Escalate);
            await kit.AwaitIdleAsync();

            Assert.DoesNotContain(provider.Entries, e => e.Message.Contains(child, StringComparison.Ordinal) && e.Message.Contains("failed", StringComparison.Ordinal));
        }
    }

    private static (ListLoggerProvider Provider, Kit Kit) CreateKit()
    {
        var provider = new ListLoggerProvider();
        var factory = LoggerFactory.Create(b => b.AddProvider(provider).SetMinimumLevel(LogLevel.Debug));
        return (provider, new Kit(new ActorSystemSettings { LoggerFactory = factory }));
    }

    private static async Task<string> FailOnce(Kit kit, Directive directive)
    {
        var parent = kit.Sys.ActorOf(
            FunActor.Props((a, m) => a.Context.Child("child").Forward(m), preStart: a => a.Context.ActorOf(Props.Create<CounterActor>(), "child"))
                .WithSupervisorStrategy(new OneForOneStrategy(_ => directive)),
            "parent");
        await kit.AwaitIdleAsync();
        parent.Tell("fail", null);
        return parent.Path.Child("child").ToString();
    }

    private sealed class Kit(ActorSystemSettings settings) : TestKit.TestKit(null, settings);
}
