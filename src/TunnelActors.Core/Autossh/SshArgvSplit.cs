using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>ssh's own reading of its argv: options, the destination, the remote command.</summary>
/// <param name="Options">Every option element with its arguments, in order (including those right after the destination).</param>
/// <param name="Destination">The first operand, or null when there is none.</param>
/// <param name="Command">The remote command words, verbatim.</param>
/// <remarks>
/// OpenSSH's getopt does not permute: options, then the destination, then (ssh.c's <c>goto again</c>) more
/// options when the next word starts with <c>-</c>, then the command. <c>--</c> ends options. So
/// <c>options destination command</c> is equivalent to the original order.
/// </remarks>
public sealed record SshArgvSplit(ImmutableArray<string> Options, string? Destination, ImmutableArray<string> Command)
{
    /// <summary>Splits <paramref name="args"/> (ssh's argv without the program) with OpenSSH's option table.</summary>
    public static SshArgvSplit Of(IReadOnlyList<string> args)
    {
        var table = AutosshOptionTable.Ssh;
        var options = ImmutableArray.CreateBuilder<string>();
        string? destination = null;
        var i = 0;
        while (i < args.Count)
        {
            var arg = args[i];
            if (arg == "--")
            {
                i++;
                if (destination is null && i < args.Count)
                {
                    destination = args[i++];
                }

                break;
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                if (destination is not null)
                {
                    break;
                }

                destination = arg;
                i++;
                continue;
            }

            options.Add(arg);
            i++;
            if (TakesDetachedArgument(arg, table) && i < args.Count)
            {
                options.Add(args[i++]);
            }
        }

        return new SshArgvSplit(options.ToImmutable(), destination, [.. args.Skip(i)]);
    }

    private static bool TakesDetachedArgument(string element, AutosshOptionTable table)
    {
        for (var j = 1; j < element.Length; j++)
        {
            if (table.TakesArgument(element[j]))
            {
                return j == element.Length - 1;
            }
        }

        return false;
    }
}
