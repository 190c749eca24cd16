using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace TunnelActors.Cli.Doctor;

/// <summary>One diagnosis step: what was checked, the verdict, what was found and what to do about it.</summary>
/// <param name="Id">Stable id for scripts: <c>config</c>, <c>ssh-config</c>, <c>identity</c>, <c>host-key</c>, <c>local-ports</c>, <c>connect</c>, <c>forward</c>.</param>
/// <param name="Title">What the step checks, for people.</param>
/// <param name="Verdict">The outcome.</param>
/// <param name="Findings">What was observed (resolved values, ssh's messages).</param>
/// <param name="Advice">What to do, one action per line; empty when all is well.</param>
public sealed record DoctorStep(
    string Id,
    string Title,
    [property: JsonIgnore] Verdict Verdict,
    ImmutableArray<string> Findings,
    ImmutableArray<string> Advice)
{
    /// <summary>The verdict in lower case (<c>ok</c>, <c>warn</c>, <c>fail</c>, <c>skipped</c>), as printed and in JSON.</summary>
    [JsonPropertyName("verdict")]
    public string VerdictName => Verdict.ToString().ToLowerInvariant();

    /// <summary>A step that passed.</summary>
    public static DoctorStep Ok(string id, string title, params IEnumerable<string> findings) => new(id, title, Verdict.Ok, [.. findings], []);

    /// <summary>A step not run, with the reason.</summary>
    public static DoctorStep Skip(string id, string title, string reason) => new(id, title, Verdict.Skipped, [reason], []);
}
