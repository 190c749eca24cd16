using TunnelActors.Hocon;

namespace TunnelActors.Core.Configuration;

/// <summary>The embedded <c>hocon/reference.conf</c>: the single documented source of defaults.</summary>
public static class ReferenceConfig
{
    /// <summary>The manifest resource name of the embedded file.</summary>
    public const string ResourceName = "TunnelActors.reference.conf";

    private static readonly Lazy<string> TextValue = new(Read);
    private static readonly Lazy<HoconDocument> DocumentValue = new(Parse);

    /// <summary>The text of reference.conf.</summary>
    public static string Text => TextValue.Value;

    /// <summary>The parsed reference document (verified to resolve on its own).</summary>
    public static HoconDocument Document => DocumentValue.Value;

    private static string Read()
    {
        using var stream = typeof(ReferenceConfig).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing from {typeof(ReferenceConfig).Assembly.GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static HoconDocument Parse()
    {
        var document = HoconParser.ParseString(Text, "reference.conf");

        // A reference must resolve on its own (HOCON layering rule, corpus scenario test13).
        document.Resolve(HoconOptions.Default.WithoutEnvironment());
        return document;
    }
}
