using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>Parses autossh's command line: <c>-M</c>, <c>-f</c> and <c>-V</c> are ours, everything else goes to ssh.</summary>
/// <remarks>
/// <para>Order as in autossh 1.4g (autossh.md §1.2): environment errors first (so even <c>-V</c> fails), then
/// getopt left to right (<c>-V</c> exits at once, a bad letter gives usage), then the minimum-argument check,
/// then the <c>-M</c> value (echo part first). <c>-M</c> overrides <c>AUTOSSH_PORT</c> (Debian patch 010).</para>
/// <para>The improved dialect differs only where autossh.md §7 lists a bug:
/// ssh's <c>-B</c> is accepted and <c>-J</c> takes its argument (items 1, 2); the first non-option is the
/// destination and the second starts the remote command, which is passed on untouched (item 3); <c>-f</c> is
/// removed only where it is an autossh option, never after <c>--</c>, in a command or inside an option
/// argument (item 4); a bundled <c>-M</c> (<c>-NM 20000</c>) is removed with its value (item 5); empty
/// arguments are kept (item 7); arguments without an ssh destination are a usage error rather than an ssh
/// that fails at once; without <c>-M</c> and <c>AUTOSSH_PORT</c> a loop port is chosen automatically
/// as Debian's wrapper intends (items 8, 9); all environment errors are reported, naming the variable
/// (item 24); an echo port outside 1..65535 and a monitor port that only fits after C's 32-bit wrap are
/// rejected.</para>
/// </remarks>
public static class AutosshCommandLine
{
    /// <summary>Parses <paramref name="args"/> (without the program name).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="environment">The parsed <c>AUTOSSH_*</c> variables (and <c>POSIXLY_CORRECT</c>).</param>
    /// <param name="dialect">Improved (the drop-in) or bug-for-bug reference behaviour.</param>
    public static AutosshInvocation Parse(
        IReadOnlyList<string> args, AutosshEnvironment environment, AutosshDialect dialect = AutosshDialect.Improved)
    {
        var sshPath = environment.SshPath;
        if (environment.HasErrors)
        {
            var errors = environment.Diagnostics.Where(d => d.Severity == AutosshDiagnosticSeverity.Error);
            var message = dialect == AutosshDialect.Reference
                ? errors.First().Message
                : string.Join("; ", errors.Select(d => d.ToString()));
            return AutosshInvocation.Failed(AutosshError.Fatal(message), sshPath);
        }

        var scan = GetoptScanner.Scan(args, AutosshOptionTable.For(dialect), environment.PosixlyCorrect,
            stopAtCommand: dialect == AutosshDialect.Improved);
        if (scan.Stop is { } stop)
        {
            return stop.Version
                ? AutosshInvocation.Version(sshPath)
                : AutosshInvocation.Failed(AutosshError.Usage(stop.Error ?? string.Empty), sshPath);
        }

        var options = scan.Elements.SelectMany(e => e.Options).ToList();
        var background = options.Any(o => o.Letter == 'f');
        var portText = options.LastOrDefault(o => o.Letter == 'M')?.Argument;
        var source = AutosshPortSource.CommandLine;
        if (portText is null && environment.Port is not null)
        {
            portText = environment.Port;
            source = AutosshPortSource.Environment;
        }

        if ((portText is null && dialect == AutosshDialect.Reference) || scan.NoOperands)
        {
            return AutosshInvocation.Failed(AutosshError.Usage(string.Empty), sshPath);
        }

        AutosshMonitorPort? monitor = null;
        if (portText is null)
        {
            source = AutosshPortSource.Automatic;
        }
        else if (AutosshMonitorPort.TryParse(portText, dialect, out var parsed) is { } portError)
        {
            return AutosshInvocation.Failed(portError, sshPath);
        }
        else
        {
            monitor = parsed;
        }

        var sshArgs = dialect == AutosshDialect.Reference ? RebuildReference(scan.Permuted()) : RebuildImproved(scan);
        if (dialect == AutosshDialect.Improved && SshArgvSplit.Of(sshArgs).Destination is null)
        {
            // autossh would start ssh, which prints its own usage and exits 255 (a premature exit, rc 1).
            return AutosshInvocation.Failed(AutosshError.Usage("no ssh destination given"), sshPath);
        }

        return new AutosshInvocation(AutosshAction.Run, monitor, source, background, sshPath, sshArgs, null);
    }

    /// <summary>autossh.c:402-445 over the permuted argv, literally: first <c>--</c> dropped, <c>-M...</c> skipped,
    /// <c>f</c> stripped from every dash argument, empty strings dropped.</summary>
    private static ImmutableArray<string> RebuildReference(ImmutableArray<string> permuted)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        var sawArgStop = false;
        for (var i = 0; i < permuted.Length; i++)
        {
            var arg = permuted[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && !sawArgStop)
            {
                sawArgStop = true;
                continue;
            }

            if (!sawArgStop && arg.StartsWith("-M", StringComparison.Ordinal))
            {
                if (arg.Length == 2)
                {
                    i++;
                }

                continue;
            }

            var stripped = StripF(arg, AutosshOptionTable.Autossh);
            if (stripped.Length > 0)
            {
                result.Add(stripped);
            }
        }

        return result.ToImmutable();
    }

    /// <summary>Rebuilds each option element without autossh's own letters; operands and the rest stay verbatim.</summary>
    private static ImmutableArray<string> RebuildImproved(GetoptScan scan)
    {
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var element in scan.Elements)
        {
            var text = "-";
            string? detached = null;
            foreach (var option in element.Options)
            {
                if (option.Letter is 'f' or 'M' or 'V')
                {
                    continue;
                }

                text += option.Letter;
                if (option.Argument is not null && option.ArgumentAttached)
                {
                    text += option.Argument;
                }
                else if (option.Argument is not null)
                {
                    detached = option.Argument;
                }
            }

            if (text.Length > 1)
            {
                result.Add(text);
                if (detached is not null)
                {
                    result.Add(detached);
                }
            }
        }

        result.AddRange(scan.NonOptions);
        result.AddRange(scan.Rest);
        return result.ToImmutable();
    }

    /// <summary>autossh's <c>strip_arg(arg, 'f', OPTION_STRING)</c>, including its skip of the letter after a removed <c>f</c>.</summary>
    internal static string StripF(string arg, AutosshOptionTable table)
    {
        if (arg.Length < 2 || arg[0] != '-')
        {
            return arg;
        }

        var chars = new List<char>(arg);
        for (var i = 0; i < chars.Count; i++)
        {
            if (table.TakesArgument(chars[i]))
            {
                break;
            }

            if (chars[i] == 'f')
            {
                // memmove(f, f+1, ...) and then f++: the letter moved into place is not examined.
                chars.RemoveAt(i);
            }
        }

        return chars.Count == 1 ? string.Empty : new string([.. chars]);
    }
}
