namespace TunnelActors.Core.Autossh;

/// <summary>The drop-in's start-up up to the first ssh, in autossh's order (autossh.md §1.2, §2, §6).</summary>
/// <remarks>
/// Environment (an invalid value, or a log file that cannot be opened, fails even <c>-V</c>), then getopt,
/// then <c>-M</c>, then logging: <c>port set to 0, monitoring disabled</c> and
/// <c>short poll time: adjusting net timeouts to N</c> are logged as autossh does. Errors are also printed
/// on stderr, and environment warnings too when the log does not go there (see DEVIATIONS.md).
/// </remarks>
public static class AutosshStartup
{
    /// <summary>Either an exit status (version, usage, errors) or a session to run.</summary>
    public static (int? ExitCode, AutosshSession? Session) Begin(AutosshStartupInputs inputs)
    {
        var environment = AutosshEnvironment.Read(inputs.Environment);
        AutosshFileLogSink? file = null;
        if (!environment.HasErrors && environment.LogFile is { } logFile)
        {
            var path = Path.GetFullPath(logFile, inputs.WorkingDirectory);
            if (AutosshFileLogSink.TryOpen(path, out file) is { } fileError)
            {
                inputs.Stderr.Write(AutosshUsage.ErrorText(AutosshError.Fatal($"AUTOSSH_LOGFILE: {fileError.Message}"), inputs.ProgramName));
                return (fileError.ExitCode, null);
            }
        }

        var invocation = AutosshCommandLine.Parse(inputs.Args, environment, inputs.Dialect);
        if (invocation.Action != AutosshAction.Run)
        {
            return (Stop(invocation, inputs, environment, file), null);
        }

        if (SshArgvSplit.Of(invocation.SshArgs).Destination is null)
        {
            // Only the reference dialect gets here (the improved one refuses it as usage): ssh would fail at once.
            file?.Dispose();
            inputs.Stderr.Write(AutosshUsage.ErrorText(AutosshError.Usage("no ssh destination given"), inputs.ProgramName));
            return (1, null);
        }

        var settings = AutosshMapping.Map(invocation, environment);
        var plan = AutosshLogPlan.Decide(settings, syslogAvailable: AutosshSyslogSink.IsAvailable(inputs.SyslogSocket));
        var log = new AutosshLog(plan, inputs.Time, inputs.Pid, Sinks(plan, file, inputs));
        foreach (var warning in settings.Warnings)
        {
            log.Info(warning.ToString());
            if (!plan.Stderr && !settings.Background)
            {
                inputs.Stderr.Write($"{inputs.ProgramName}: warning: {warning}\n");
            }
        }

        if (settings.MonitorPort is { IsDisabled: true })
        {
            log.Info(AutosshMessages.MonitoringDisabled);
        }

        if (environment.NetTimeoutAdjusted)
        {
            log.Info(AutosshMessages.ShortPollTime(environment.NetTimeoutMilliseconds));
        }

        return (null, new AutosshSession(settings, log, inputs.WorkingDirectory, inputs.Pid));
    }

    private static int Stop(AutosshInvocation invocation, AutosshStartupInputs inputs, AutosshEnvironment environment, AutosshFileLogSink? file)
    {
        if (invocation.Action == AutosshAction.PrintVersion)
        {
            file?.Dispose();
            inputs.Stdout.Write(AutosshUsage.VersionLine + "\n");
            return 0;
        }

        var error = invocation.Error ?? AutosshError.Usage(string.Empty);
        inputs.Stderr.Write(AutosshUsage.ErrorText(error, inputs.ProgramName));
        if (!error.ShowUsage && !environment.HasErrors && file is not null)
        {
            // autossh logs -M errors (after openlog) to its log file too.
            file.Write(new AutosshLogEntry(AutosshLogLevel.Error, inputs.Time.GetLocalNow(), inputs.Pid, error.Message));
        }

        file?.Dispose();
        return error.ExitCode;
    }

    private static List<IAutosshLogSink> Sinks(AutosshLogPlan plan, AutosshFileLogSink? file, AutosshStartupInputs inputs)
    {
        var sinks = new List<IAutosshLogSink>();
        if (file is not null)
        {
            sinks.Add(file);
        }

        if (plan.Syslog)
        {
            sinks.Add(new AutosshSyslogSink(inputs.SyslogSocket));
        }

        if (plan.Stderr)
        {
            sinks.Add(new AutosshTextLogSink(inputs.Stderr));
        }

        return sinks;
    }
}
