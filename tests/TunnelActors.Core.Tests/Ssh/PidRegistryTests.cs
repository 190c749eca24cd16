using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class PidRegistryTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "ta-reg-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void AddRemove_SurvivesANewInstance()
    {
        var registry = PidRegistry.InStateDir(_dir);
        registry.Add(new PidRegistryEntry("web", 100, 5000, 1));
        registry.Add(new PidRegistryEntry("web", 101, 5001, 2));
        registry.Add(new PidRegistryEntry("db", 200, 6000, 7));
        registry.Remove("web", 100);

        var reread = PidRegistry.InStateDir(_dir).ReadAll();

        Assert.Equal([new PidRegistryEntry("db", 200, 6000, 7), new PidRegistryEntry("web", 101, 5001, 2)], reread);
    }

    [Fact]
    public void Remove_LastEntry_DeletesFile()
    {
        var registry = PidRegistry.InStateDir(_dir);
        registry.Add(new PidRegistryEntry("web", 100, 5000, 1));

        registry.Remove("web", 100);

        Assert.Empty(Directory.GetFiles(registry.Directory));
    }

    [Theory]
    [InlineData("../etc")]
    [InlineData("a/b")]
    [InlineData(".hidden")]
    public void Add_UnsafeTunnelName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(() => PidRegistry.InStateDir(_dir).Add(new PidRegistryEntry(name, 1, 1, 1)));
    }

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }
}
