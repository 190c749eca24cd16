using System.Collections.Immutable;

namespace TunnelActors.Core.Autossh;

/// <summary>An option element of argv: its raw text (plus the following element when that is an argument).</summary>
/// <param name="Raw">One element, or two when the last letter took the next element as its argument.</param>
/// <param name="Options">The letters of the element in order.</param>
internal sealed record GetoptElement(ImmutableArray<string> Raw, ImmutableArray<GetoptOption> Options);
