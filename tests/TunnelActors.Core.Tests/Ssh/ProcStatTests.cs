using TunnelActors.Core.Ssh;

namespace TunnelActors.Core.Tests.Ssh;

public sealed class ProcStatTests
{
    [Fact]
    public void Parse_CommandWithSpacesAndParens_FieldsCountedFromLastParen()
    {
        var line = "4242 (ssh (x) y) S 1 4242 4242 0 -1 4194560 100 0 0 0 1 2 0 0 20 0 1 0 987654 1000 100 18446744073709551615";

        var stat = ProcStat.Parse(line);

        Assert.Equal(new ProcStat(4242, 'S', 1, 4242, 987654), stat);
    }

    [Fact]
    public void TryRead_OwnProcess_ParentAndStartTimeStable()
    {
        var first = ProcStat.TryRead(Environment.ProcessId);
        var second = ProcStat.TryRead(Environment.ProcessId);

        Assert.NotNull(first);
        Assert.Equal(first.StartTime, second!.StartTime);
        Assert.False(first.IsZombie);
    }

    [Fact]
    public void TryRead_NoSuchPid_Null()
    {
        Assert.Null(ProcStat.TryRead(int.MaxValue));
    }
}
