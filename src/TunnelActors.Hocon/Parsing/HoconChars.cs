using System.Globalization;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Character classes of HOCON.md (whitespace, forbidden characters).</summary>
internal static class HoconChars
{
    /// <summary>HOCON whitespace: Unicode Zs/Zl/Zp, BOM, tab, LF, VT, FF, CR and U+001C..U+001F (HOCON.md §Whitespace).</summary>
    /// <remarks><see cref="char.IsWhiteSpace(char)"/> differs (no BOM, no U+001C..1F, but U+0085), hence a table.</remarks>
    public static bool IsWhitespace(char c)
    {
        if (c < 128)
        {
            return c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r' or (>= '\u001c' and <= '\u001f');
        }

        if (c == '\uFEFF')
        {
            return true;
        }

        var category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.SpaceSeparator or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator;
    }

    /// <summary>Characters that may not appear in an unquoted string (HOCON.md §Unquoted strings).</summary>
    public static bool IsForbidden(char c) => c is '$' or '"' or '{' or '}' or '[' or ']' or ':' or '=' or ',' or '+' or '#' or '`' or '^' or '?' or '!' or '@' or '*' or '&' or '\\';
}
