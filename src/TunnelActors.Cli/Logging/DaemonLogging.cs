using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace TunnelActors.Cli.Logging;

/// <summary>Console logging of the daemon: readable on a terminal, journald-friendly under systemd.</summary>
internal static class DaemonLogging
{
    /// <summary>True when systemd runs us with stdout connected to the journal (JOURNAL_STREAM or INVOCATION_ID set).</summary>
    public static bool UnderJournal(Func<string, string?> getEnvironment) =>
        !string.IsNullOrEmpty(getEnvironment("JOURNAL_STREAM")) || !string.IsNullOrEmpty(getEnvironment("INVOCATION_ID"));

    /// <summary>Replaces every provider with the console, in the format that suits where stdout goes.</summary>
    public static void Configure(ILoggingBuilder logging, Func<string, string?> getEnvironment)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        if (UnderJournal(getEnvironment))
        {
            logging.AddConsole(options => options.FormatterName = JournaldConsoleFormatter.FormatterName);
            // Registered directly rather than with AddConsoleFormatter, whose options binding from configuration uses
            // reflection that trimming breaks; this formatter has no options.
            logging.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ConsoleFormatter, JournaldConsoleFormatter>());
        }
        else
        {
            logging.AddSimpleConsole(options =>
            {
                options.SingleLine = true;
                options.TimestampFormat = "HH:mm:ss ";
                options.IncludeScopes = false;
            });
        }
    }
}
