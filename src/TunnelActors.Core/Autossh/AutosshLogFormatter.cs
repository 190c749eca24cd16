using System.Globalization;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh's three line formats (autossh.md §6.1, acceptance F1/F3).</summary>
public static class AutosshLogFormatter
{
    /// <summary>The ident autossh logs under (<c>__progname</c>).</summary>
    public const string Ident = "autossh";

    /// <summary>syslog facility LOG_USER (1 &lt;&lt; 3).</summary>
    public const int FacilityUser = 8;

    /// <summary><c>AUTOSSH_LOGFILE</c>: <c>%Y/%m/%d %H:%M:%S autossh[pid]: message</c> and a newline.</summary>
    public static string FileLine(AutosshLogEntry entry) =>
        entry.LocalTime.ToString("yyyy'/'MM'/'dd HH':'mm':'ss", CultureInfo.InvariantCulture) + " " + StderrLine(entry);

    /// <summary>The <c>LOG_PERROR</c> copy on stderr with <c>AUTOSSH_DEBUG</c>: <c>autossh[pid]: message</c> and a newline.</summary>
    public static string StderrLine(AutosshLogEntry entry) =>
        string.Create(CultureInfo.InvariantCulture, $"{Ident}[{entry.Pid}]: {entry.Message}\n");

    /// <summary>The datagram glibc's <c>syslog()</c> sends to <c>/dev/log</c>: <c>&lt;PRI&gt;Mmm dd hh:mm:ss autossh[pid]: message</c>.</summary>
    /// <remarks>PRI is LOG_USER + level; the day of month is padded with a space (<c>%h %e %T</c>).</remarks>
    public static string SyslogDatagram(AutosshLogEntry entry)
    {
        var time = entry.LocalTime;
        var month = CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(time.Month);
        return string.Create(CultureInfo.InvariantCulture,
            $"<{FacilityUser + (int)entry.Level}>{month} {time.Day,2} {time:HH':'mm':'ss} {Ident}[{entry.Pid}]: {entry.Message}");
    }
}
