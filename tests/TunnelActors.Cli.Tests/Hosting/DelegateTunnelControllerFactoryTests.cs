using TunnelActors.Cli.Hosting;
using TunnelActors.Cli.Tests.Support;
using TunnelActors.Core.Tunnels;

namespace TunnelActors.Cli.Tests.Hosting;

public sealed class DelegateTunnelControllerFactoryTests
{
    [Fact]
    public async Task StartStop_Delegates_AreCalledWithTheirArguments()
    {
        var controller = new FakeTunnelController();
        var settings = TestSettings.Create("/s", ["a"]);
        ITunnelController? stopped = null;
        var factory = new DelegateTunnelControllerFactory(
            (s, _) => Task.FromResult<ITunnelController>(s == settings ? controller : throw new InvalidOperationException()),
            (c, _) =>
            {
                stopped = c;
                return Task.CompletedTask;
            });

        var started = await factory.StartAsync(settings, CancellationToken.None);
        await factory.StopAsync(started, CancellationToken.None);

        Assert.Same(controller, started);
        Assert.Same(controller, stopped);
    }
}
