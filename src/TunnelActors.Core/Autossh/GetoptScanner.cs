using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>glibc <c>getopt()</c> over autossh's argv: permutation, bundles, attached and detached arguments.</summary>
/// <remarks>
/// Options are processed left to right, so an earlier <c>-V</c> wins over a later bad letter and the other way
/// round (autossh.c:296-330). A lone <c>-</c> and the empty string are non-options; <c>--</c> ends scanning.
/// </remarks>
internal static class GetoptScanner
{
    /// <summary>Scans <paramref name="args"/> (argv without argv[0]).</summary>
    /// <param name="args">The arguments.</param>
    /// <param name="table">Which letters are options and which take arguments.</param>
    /// <param name="posixlyCorrect"><c>POSIXLY_CORRECT</c> is set: stop at the first non-option.</param>
    /// <param name="stopAtCommand">Improved dialect: the second non-option starts the remote command; stop there.</param>
    public static GetoptScan Scan(IReadOnlyList<string> args, AutosshOptionTable table, bool posixlyCorrect, bool stopAtCommand)
    {
        var elements = ImmutableArray.CreateBuilder<GetoptElement>();
        var nonOptions = ImmutableArray.CreateBuilder<string>();
        var i = 0;
        while (i < args.Count)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return Done(elements, nonOptions, true, Tail(args, i + 1), null);
            }

            if (arg.Length < 2 || arg[0] != '-')
            {
                if (posixlyCorrect || (stopAtCommand && nonOptions.Count == 1))
                {
                    return Done(elements, nonOptions, false, Tail(args, i), null);
                }

                nonOptions.Add(arg);
                i++;
                continue;
            }

            var (element, next, stop) = ScanElement(args, i, table);
            if (element is not null)
            {
                elements.Add(element);
            }

            if (stop is not null)
            {
                return Done(elements, nonOptions, false, Tail(args, next), stop);
            }

            i = next;
        }

        return Done(elements, nonOptions, false, [], null);
    }

    private static (GetoptElement? Element, int Next, GetoptStop? Stop) ScanElement(
        IReadOnlyList<string> args, int index, AutosshOptionTable table)
    {
        var arg = args[index];
        var options = ImmutableArray.CreateBuilder<GetoptOption>();
        for (var j = 1; j < arg.Length; j++)
        {
            var letter = arg[j];
            if (!table.IsOption(letter))
            {
                return (Element([arg], options), index + 1, new GetoptStop(false, $"invalid option -- '{letter}'"));
            }

            if (table.TakesArgument(letter))
            {
                if (j + 1 < arg.Length)
                {
                    options.Add(new GetoptOption(letter, arg[(j + 1)..], ArgumentAttached: true));
                    return (Element([arg], options), index + 1, null);
                }

                if (index + 1 >= args.Count)
                {
                    return (Element([arg], options), index + 1, new GetoptStop(false, $"option requires an argument -- '{letter}'"));
                }

                options.Add(new GetoptOption(letter, args[index + 1], ArgumentAttached: false));
                return (Element([arg, args[index + 1]], options), index + 2, null);
            }

            options.Add(new GetoptOption(letter, null, ArgumentAttached: false));
            if (letter == 'V')
            {
                return (Element([arg], options), index + 1, new GetoptStop(true, null));
            }
        }

        return (Element([arg], options), index + 1, null);
    }

    private static GetoptElement Element(ImmutableArray<string> raw, ImmutableArray<GetoptOption>.Builder options) =>
        new(raw, options.ToImmutable());

    private static ImmutableArray<string> Tail(IReadOnlyList<string> args, int from) =>
        [.. args.Skip(from)];

    private static GetoptScan Done(
        ImmutableArray<GetoptElement>.Builder elements,
        ImmutableArray<string>.Builder nonOptions,
        bool sawTerminator,
        ImmutableArray<string> rest,
        GetoptStop? stop) =>
        new(elements.ToImmutable(), nonOptions.ToImmutable(), sawTerminator, rest, stop);
}
