using TunnelActors.Hocon.Parsing;

namespace TunnelActors.Hocon.Tests.Parsing;

public sealed class LexerTests
{
    private static List<Token> Tokens(string text)
    {
        var lexer = new Lexer(text, "t");
        var tokens = new List<Token>();
        for (var token = lexer.Next(); token.Kind != TokenKind.End; token = lexer.Next())
        {
            tokens.Add(token);
        }

        return tokens;
    }

    [Theory]
    [InlineData('\u00A0')]
    [InlineData('\uFEFF')]
    [InlineData('\u001C')]
    [InlineData('\u2007')]
    [InlineData('\r')]
    public void Next_HoconWhitespaceCharacter_IsWhitespaceToken(char c)
    {
        // Act
        var tokens = Tokens($"a{c}b");

        // Assert
        Assert.Equal([TokenKind.Unquoted, TokenKind.Whitespace, TokenKind.Unquoted], tokens.Select(t => t.Kind));
    }

    [Fact]
    public void Next_NextLineCharacter_IsNotWhitespace()
    {
        // Act
        var tokens = Tokens("a\u0085b");

        // Assert
        Assert.Single(tokens);
    }

    [Fact]
    public void Next_TokensAfterNewline_CarryLineAndColumn()
    {
        // Act
        var tokens = Tokens("a = 1 # note\n  b : \"x\"");

        // Assert
        var b = tokens.Single(t => t.Text == "b");
        Assert.Equal((2, 3), (b.Line, b.Column));
        Assert.DoesNotContain(tokens, t => t.Text.Contains("note", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("1e5", true)]
    [InlineData("-5", true)]
    [InlineData("1.0.0", false)]
    [InlineData("1-e3", false)]
    public void Next_NumberLikeText_ClassifiedLikeJson(string text, bool isNumber)
    {
        // Act
        var token = Tokens(text).Single();

        // Assert
        Assert.Equal(isNumber ? TokenKind.Number : TokenKind.Unquoted, token.Kind);
        Assert.Equal(text, token.Text);
    }

    [Theory]
    [InlineData("user@host", '@')]
    [InlineData("*.example.com", '*')]
    [InlineData("+5", '+')]
    public void Next_ReservedCharacter_ThrowsWithColumnOfTheCharacter(string text, char reserved)
    {
        // Act
        var error = Assert.Throws<HoconException>(() => Tokens(text));

        // Assert
        Assert.Equal(text.IndexOf(reserved, StringComparison.Ordinal) + 1, error.Column);
        Assert.Contains("double quotes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Next_TripleQuotedWithExtraQuotes_KeepsExtraQuotesAndCountsLines()
    {
        // Act
        var tokens = Tokens("\"\"\"a\nb\"\"\"\"\nc");

        // Assert
        Assert.Equal("a\nb\"", tokens[0].Text);
        Assert.Equal(3, tokens.Single(t => t.Text == "c").Line);
    }
}
