using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class StderrTailTests
{
    [Fact]
    public void Add_MoreThanCapacity_KeepsLastLinesInOrder()
    {
        var tail = new StderrTail(3);

        foreach (var line in new[] { "a", "b", "c", "d", "e" })
        {
            tail.Add(line);
        }

        Assert.Equal<string>(["c", "d", "e"], tail.Snapshot());
        Assert.Equal(5, tail.TotalLines);
    }

    [Fact]
    public void Add_CrLfAndHugeLine_TrimmedAndCut()
    {
        var tail = new StderrTail();

        tail.Add("x\r");
        tail.Add(new string('y', 10_000));

        Assert.Equal("x", tail.Snapshot()[0]);
        Assert.Equal(StderrTail.MaxLineLength, tail.Snapshot()[1].Length);
    }
}
