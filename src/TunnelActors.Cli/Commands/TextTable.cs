using System.Text;

namespace TunnelActors.Cli.Commands;

/// <summary>A plain text table with left-aligned columns separated by two spaces; the last column is not padded.</summary>
internal static class TextTable
{
    /// <summary>Renders the header and rows, one line each.</summary>
    public static string Render(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var all = new List<IReadOnlyList<string>> { header };
        all.AddRange(rows);
        var widths = Enumerable.Range(0, header.Count).Select(c => all.Max(r => r[c].Length)).ToArray();
        var text = new StringBuilder();
        foreach (var row in all)
        {
            for (var column = 0; column < row.Count; column++)
            {
                var last = column == row.Count - 1;
                text.Append(last ? row[column] : row[column].PadRight(widths[column] + 2));
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
