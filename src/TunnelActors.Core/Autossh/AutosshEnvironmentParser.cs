using System.Collections.Immutable;
using System.Globalization;
using System.Text;

namespace TunnelActors.Core.Autossh;

/// <summary>autossh 1.4g's <c>get_env_args()</c>: same order, same C number parsing, same defaults.</summary>
/// <remarks>
/// autossh stops at the first bad value with a syslog-only message and exit 1 (autossh.md §2, §7 item 24).
/// We keep the exit status but collect every finding, name the variable, and add warnings where autossh
/// silently substitutes a value.
/// </remarks>
internal static class AutosshEnvironmentParser
{
    public static AutosshEnvironment Parse(Func<string, string?> lookup)
    {
        var diagnostics = ImmutableArray.CreateBuilder<AutosshDiagnostic>();
        var env = AutosshEnvironment.Default;

        var path = lookup("AUTOSSH_PATH");
        if (path is { Length: 0 })
        {
            diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_PATH", $"is empty; using {AutosshEnvironment.DefaultSshPath} (autossh would run the first ssh argument as the program)"));
        }
        else if (path is not null)
        {
            env = env with { SshPath = path };
        }

        env = ReadLogLevel(lookup, env, diagnostics);
        var poll = ReadPoll(lookup, "AUTOSSH_POLL", "poll time", env.PollSeconds, diagnostics);
        var firstPoll = ReadPoll(lookup, "AUTOSSH_FIRST_POLL", "first poll time", poll, diagnostics);
        env = env with { PollSeconds = poll, FirstPollSeconds = firstPoll };

        if (lookup("AUTOSSH_GATETIME") is { } gate)
        {
            var (value, parsed) = CNumber.StrToL(gate);
            if (parsed.IsEmptyOrJunk || value < 0)
            {
                diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_GATETIME", $"invalid gate time \"{gate}\""));
            }
            else
            {
                env = env with { GateTimeSeconds = value };
            }
        }

        if (lookup("AUTOSSH_MAXSTART") is { } maxStart)
        {
            var (value, parsed) = CNumber.StrToL(maxStart);
            var asInt = unchecked((int)value);
            if (parsed.IsEmptyOrJunk || asInt < -1)
            {
                diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_MAXSTART", $"invalid max start number \"{maxStart}\""));
            }
            else
            {
                env = env with { MaxStart = asInt };
            }
        }

        if (lookup("AUTOSSH_MESSAGE") is { } message)
        {
            if (Encoding.UTF8.GetByteCount(message) > AutosshEnvironment.MaxMessageBytes)
            {
                diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_MESSAGE", string.Create(CultureInfo.InvariantCulture, $"echo message may only be {AutosshEnvironment.MaxMessageBytes} bytes long")));
            }
            else
            {
                env = env with { Message = message };
            }
        }

        env = env with { Port = NonEmpty(lookup("AUTOSSH_PORT")) };
        env = ReadLifetime(lookup, env, diagnostics);
        env = env with { PidFile = NonEmpty(lookup("AUTOSSH_PIDFILE")) };

        if (lookup("AUTOSSH_NTSERVICE") is not null)
        {
            diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_NTSERVICE", "has no effect outside Cygwin builds of autossh; ignored"));
        }

        if (lookup("AUTOSSH_LOGFILE") is { } logFile)
        {
            if (logFile.Length == 0)
            {
                diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_LOGFILE", "\"\": No such file or directory"));
            }
            else
            {
                env = env with { LogFile = logFile };
            }
        }

        return env with { PosixlyCorrect = lookup("POSIXLY_CORRECT") is not null, Diagnostics = diagnostics.ToImmutable() };
    }

    private static AutosshEnvironment ReadLogLevel(
        Func<string, string?> lookup, AutosshEnvironment env, ImmutableArray<AutosshDiagnostic>.Builder diagnostics)
    {
        var level = lookup("AUTOSSH_LOGLEVEL");
        if (lookup("AUTOSSH_DEBUG") is not null)
        {
            // autossh does not even parse AUTOSSH_LOGLEVEL when AUTOSSH_DEBUG is set.
            if (level is not null)
            {
                diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_LOGLEVEL", "ignored because AUTOSSH_DEBUG is set (level 7)"));
            }

            return env with { Debug = true, LogLevel = 7 };
        }

        if (level is null)
        {
            return env;
        }

        var parsed = CNumber.StrToUL(level);
        var value = CNumber.ToCInt(parsed.Value);
        if (parsed.IsEmptyOrJunk || value is < 0 or > 7)
        {
            diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_LOGLEVEL", $"invalid log level \"{level}\""));
            return env;
        }

        return env with { LogLevel = value };
    }

    private static int ReadPoll(
        Func<string, string?> lookup, string variable, string what, int fallback, ImmutableArray<AutosshDiagnostic>.Builder diagnostics)
    {
        if (lookup(variable) is not { } text)
        {
            return fallback;
        }

        var parsed = CNumber.StrToUL(text);
        var value = CNumber.ToCInt(parsed.Value);
        if (parsed.IsEmptyOrJunk || value == 0)
        {
            diagnostics.Add(AutosshDiagnostic.Error(variable, $"invalid {what} \"{text}\""));
            return fallback;
        }

        if (value < 0)
        {
            // autossh.c: poll_time is an int; "-5" (or an overflow) ends up <= 0 and becomes POLL_TIME.
            diagnostics.Add(AutosshDiagnostic.Warning(variable, string.Create(CultureInfo.InvariantCulture, $"\"{text}\" is not a positive number of seconds; using {AutosshEnvironment.DefaultPollSeconds} as autossh does")));
            return AutosshEnvironment.DefaultPollSeconds;
        }

        if ((ulong)value != parsed.Value)
        {
            diagnostics.Add(AutosshDiagnostic.Warning(variable, string.Create(CultureInfo.InvariantCulture, $"\"{text}\" does not fit a C int; autossh truncates it to {value}")));
        }

        return value;
    }

    private static AutosshEnvironment ReadLifetime(
        Func<string, string?> lookup, AutosshEnvironment env, ImmutableArray<AutosshDiagnostic>.Builder diagnostics)
    {
        if (lookup("AUTOSSH_MAXLIFETIME") is not { } text)
        {
            return env;
        }

        var parsed = CNumber.StrToUL(text);
        if (parsed.IsEmptyOrJunk)
        {
            diagnostics.Add(AutosshDiagnostic.Error("AUTOSSH_MAXLIFETIME", $"invalid max lifetime \"{text}\""));
            return env;
        }

        double lifetime = parsed.Value;
        if (lifetime == 0)
        {
            return env;
        }

        if (parsed.Negative)
        {
            diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_MAXLIFETIME", $"\"{text}\" wraps to {lifetime.ToString("0", CultureInfo.InvariantCulture)} seconds, i.e. no limit, as in autossh"));
        }

        var poll = env.PollSeconds;
        var firstPoll = env.FirstPollSeconds;
        if (poll > lifetime)
        {
            poll = (int)lifetime;
            diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_MAXLIFETIME", string.Create(CultureInfo.InvariantCulture, $"poll time is greater than lifetime, dropping poll time to {poll}")));
        }

        if (firstPoll > lifetime)
        {
            firstPoll = (int)lifetime;
            diagnostics.Add(AutosshDiagnostic.Warning("AUTOSSH_MAXLIFETIME", string.Create(CultureInfo.InvariantCulture, $"first poll time is greater than lifetime, dropping first poll time to {firstPoll}")));
        }

        return env with { MaxLifetimeSeconds = lifetime, PollSeconds = poll, FirstPollSeconds = firstPoll };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
