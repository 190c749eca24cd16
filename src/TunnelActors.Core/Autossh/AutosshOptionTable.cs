namespace TunnelActors.Core.Autossh;

/// <summary>A getopt option string: which letters are options and which of them take an argument.</summary>
internal sealed class AutosshOptionTable
{
    /// <summary>autossh 1.4g's <c>OPTION_STRING</c> (autossh.c:112), verbatim: no <c>B</c>, <c>J</c> without argument.</summary>
    public const string AutosshOptionString = "M:V1246ab:c:e:fgi:kl:m:no:p:qstvw:xyACD:E:F:GI:MJKL:NO:PQ:R:S:TW:XY";

    /// <summary>
    /// The improved table: autossh's letters plus OpenSSH 9.2's <c>-B bind_interface</c>, and <c>-J</c> taking its
    /// destination. <c>-P</c> stays a flag as in OpenSSH 9.2 (newer releases' <c>-P tag</c> is not covered).
    /// </summary>
    public const string ImprovedOptionString = "M:V1246ab:c:e:fgi:kl:m:no:p:qstvw:xyAB:CD:E:F:GI:J:KL:NO:PQ:R:S:TW:XY";

    /// <summary>OpenSSH 9.2's own option string (ssh.c): <c>M</c> is master mode, <c>V</c> the version flag.</summary>
    public const string SshOptionString = "1246ab:c:e:fgi:kl:m:no:p:qstvw:xyAB:CD:E:F:GI:J:KL:MNO:PQ:R:S:TVW:XY";

    private readonly string _optionString;

    private AutosshOptionTable(string optionString) => _optionString = optionString;

    /// <summary>The table autossh's getopt uses.</summary>
    public static AutosshOptionTable Autossh { get; } = new(AutosshOptionString);

    /// <summary>The table of the improved dialect.</summary>
    public static AutosshOptionTable Improved { get; } = new(ImprovedOptionString);

    /// <summary>ssh's table, for reading the argv ssh finally receives.</summary>
    public static AutosshOptionTable Ssh { get; } = new(SshOptionString);

    /// <summary>The table for a dialect.</summary>
    public static AutosshOptionTable For(AutosshDialect dialect) =>
        dialect == AutosshDialect.Reference ? Autossh : Improved;

    /// <summary>The letter is an option (glibc finds the first occurrence, so the duplicate <c>M</c> never matters).</summary>
    public bool IsOption(char letter) => letter != ':' && _optionString.Contains(letter, StringComparison.Ordinal);

    /// <summary>The letter is an option followed by <c>:</c> in the option string.</summary>
    public bool TakesArgument(char letter)
    {
        var index = _optionString.IndexOf(letter, StringComparison.Ordinal);
        return letter != ':' && index >= 0 && index + 1 < _optionString.Length && _optionString[index + 1] == ':';
    }
}
