using TunnelActors.Core.Journal.Writing;

namespace TunnelActors.Core.Tests.Journal.Writing;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 200)]
    [InlineData(2, 400)]
    [InlineData(3, 800)]
    [InlineData(8, 25_600)]
    [InlineData(9, 30_000)]
    [InlineData(1000, 30_000)]
    public void Delay_ConsecutiveFailures_DoublesUpToCap(int failures, int expectedMs)
    {
        // Act
        var delay = RetryBackoff.Delay(failures, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(30));

        // Assert
        Assert.Equal(TimeSpan.FromMilliseconds(expectedMs), delay);
    }

    [Fact]
    public void Delay_ZeroFailures_Throws()
    {
        // Act + Assert
        Assert.Throws<ArgumentOutOfRangeException>(() => RetryBackoff.Delay(0, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)));
    }
}
