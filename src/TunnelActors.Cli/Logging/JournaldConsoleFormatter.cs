using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace TunnelActors.Cli.Logging;

/// <summary>Console lines for the systemd journal: a <c>&lt;N&gt;</c> syslog priority on every line, no colours, no timestamp.</summary>
/// <remarks>journald reads the prefix as the priority (sd-daemon(3)) and stamps the time itself.</remarks>
internal sealed class JournaldConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    /// <summary>The name the console logger selects this formatter by.</summary>
    public const string FormatterName = "journald";

    /// <summary>The syslog priority of a log level (sd-daemon(3): 2 crit, 3 err, 4 warning, 6 info, 7 debug).</summary>
    public static int Priority(LogLevel level) => level switch
    {
        LogLevel.Critical => 2,
        LogLevel.Error => 3,
        LogLevel.Warning => 4,
        LogLevel.Information => 6,
        _ => 7,
    };

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null)
        {
            return;
        }

        var prefix = $"<{Priority(logEntry.LogLevel)}>";
        var category = ShortCategory(logEntry.Category);
        var text = logEntry.Exception is null ? message : $"{message}{Environment.NewLine}{logEntry.Exception}";
        var first = true;
        foreach (var line in text.AsSpan().EnumerateLines())
        {
            textWriter.Write(prefix);
            if (first)
            {
                textWriter.Write(category);
                textWriter.Write(": ");
                first = false;
            }

            textWriter.Write(line);
            textWriter.Write('\n');
        }
    }

    private static string ShortCategory(string category)
    {
        var dot = category.LastIndexOf('.');
        return dot < 0 ? category : category[(dot + 1)..];
    }
}
