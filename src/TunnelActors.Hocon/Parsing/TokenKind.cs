namespace TunnelActors.Hocon.Parsing;

/// <summary>Kinds of HOCON tokens (comments are dropped by the lexer).</summary>
internal enum TokenKind
{
    End,
    Newline,
    Whitespace,
    OpenBrace,
    CloseBrace,
    OpenBracket,
    CloseBracket,
    Comma,
    Colon,
    Equals,
    PlusEquals,
    Unquoted,
    Quoted,
    Number,
    True,
    False,
    Null,
    Substitution,
}
