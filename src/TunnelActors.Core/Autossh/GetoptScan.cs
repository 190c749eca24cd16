using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>The result of scanning argv like glibc <c>getopt()</c> with permutation.</summary>
/// <param name="Elements">Option elements in the order getopt saw them.</param>
/// <param name="NonOptions">Non-options skipped (and permuted behind the options) while scanning.</param>
/// <param name="SawTerminator">Scanning ended at a <c>--</c>.</param>
/// <param name="Rest">Everything after the <c>--</c> or after the point where scanning stopped, untouched.</param>
/// <param name="Stop">Why getopt returned early (<c>-V</c> or an error), or null when it scanned to the end.</param>
internal sealed record GetoptScan(
    ImmutableArray<GetoptElement> Elements,
    ImmutableArray<string> NonOptions,
    bool SawTerminator,
    ImmutableArray<string> Rest,
    GetoptStop? Stop)
{
    /// <summary>The argv after glibc's permutation: options, then <c>--</c>, then the non-options, then the rest.</summary>
    public ImmutableArray<string> Permuted()
    {
        var builder = ImmutableArray.CreateBuilder<string>();
        foreach (var element in Elements)
        {
            builder.AddRange(element.Raw);
        }

        if (SawTerminator)
        {
            builder.Add("--");
        }

        builder.AddRange(NonOptions);
        builder.AddRange(Rest);
        return builder.ToImmutable();
    }

    /// <summary>No non-option argument is left after the options (autossh's <c>argc == optind</c>).</summary>
    public bool NoOperands => NonOptions.IsEmpty && Rest.IsEmpty;
}
