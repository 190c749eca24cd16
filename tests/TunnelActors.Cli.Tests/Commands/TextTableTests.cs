using TunnelActors.Cli.Commands;

namespace TunnelActors.Cli.Tests.Commands;

public sealed class TextTableTests
{
    [Fact]
    public void Render_Rows_AlignsColumnsWithTwoSpacesAndNoTrailingPadding()
    {
        var text = TextTable.Render(["A", "LONG HEADER", "Z"], [["xyz", "1", "last"], ["q", "22", ""]]);

        Assert.Equal("A    LONG HEADER  Z\nxyz  1            last\nq    22           \n", text);
    }
}
