namespace TunnelActors.Hocon.Parsing;

/// <summary>One token with its position.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">Unquoted/number text, the decoded quoted string, or the whitespace run.</param>
/// <param name="Line">1-based line.</param>
/// <param name="Column">1-based column.</param>
/// <param name="Path">For a substitution: its path.</param>
/// <param name="Optional">For a substitution: <c>${?...}</c>.</param>
internal readonly record struct Token(TokenKind Kind, string Text, int Line, int Column, string[]? Path = null, bool Optional = false)
{
    /// <summary>How the token reads in an error message.</summary>
    public string Describe() => Kind switch
    {
        TokenKind.End => "end of file",
        TokenKind.Newline => "end of line",
        TokenKind.Whitespace => "whitespace",
        TokenKind.OpenBrace => "'{'",
        TokenKind.CloseBrace => "'}'",
        TokenKind.OpenBracket => "'['",
        TokenKind.CloseBracket => "']'",
        TokenKind.Comma => "','",
        TokenKind.Colon => "':'",
        TokenKind.Equals => "'='",
        TokenKind.PlusEquals => "'+='",
        TokenKind.Quoted => $"quoted string {JsonString.Quote(Text)}",
        TokenKind.Substitution => "a substitution",
        _ => $"'{Text}'",
    };

    /// <summary>Whether the token can be part of a value or key concatenation.</summary>
    public bool IsSimpleValue => Kind is TokenKind.Unquoted or TokenKind.Quoted or TokenKind.Number or TokenKind.True or TokenKind.False or TokenKind.Null;
}
