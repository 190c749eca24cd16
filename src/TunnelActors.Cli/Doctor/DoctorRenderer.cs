using System.Text;

namespace TunnelActors.Cli.Doctor;

/// <summary>The human form of a <see cref="DoctorReport"/>: one block per step, findings indented, advice after an arrow.</summary>
internal static class DoctorRenderer
{
    /// <summary>Renders <paramref name="report"/> as text ending in a newline.</summary>
    public static string Render(DoctorReport report)
    {
        var text = new StringBuilder();
        text.Append("doctor: tunnel ").Append(report.Tunnel).Append(" (").Append(report.ConfigPath).Append(")\n");
        foreach (var step in report.Steps)
        {
            text.Append('[').Append(step.VerdictName.PadLeft(4)).Append("] ").Append(step.Title).Append('\n');
            foreach (var finding in step.Findings)
            {
                text.Append("       ").Append(finding).Append('\n');
            }

            foreach (var advice in step.Advice)
            {
                text.Append("    -> ").Append(advice).Append('\n');
            }
        }

        var failed = report.Steps.Count(s => s.Verdict == Verdict.Fail);
        var warned = report.Steps.Count(s => s.Verdict == Verdict.Warn);
        text.Append(failed == 0
            ? $"result: ok{(warned > 0 ? $", {warned} warning{(warned == 1 ? string.Empty : "s")}" : string.Empty)}\n"
            : $"result: {failed} failed, {warned} warning{(warned == 1 ? string.Empty : "s")}\n");
        return text.ToString();
    }
}
