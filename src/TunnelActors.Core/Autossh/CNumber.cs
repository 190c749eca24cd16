namespace TunnelActors.Core.Autossh;

/// <summary>C's <c>strtoul</c>/<c>strtol</c> with base 0, as glibc parses autossh's numbers.</summary>
/// <remarks>
/// Leading white space and one sign are accepted, <c>0x</c> selects hex and a leading <c>0</c> octal
/// (autossh.md §1.3, §2). A negative value wraps modulo 2^64 for <c>strtoul</c>; overflow saturates.
/// </remarks>
internal static class CNumber
{
    /// <summary>The result of one parse: the value, where parsing stopped and whether it consumed the whole text.</summary>
    internal readonly record struct Parsed(ulong Value, bool Negative, bool Overflow, int End, int Length)
    {
        /// <summary>autossh's check <c>*s == '\0' || *t != '\0'</c> rejects this text.</summary>
        public bool IsEmptyOrJunk => Length == 0 || End != Length;
    }

    /// <summary><c>strtoul(text, &amp;end, 0)</c>.</summary>
    public static Parsed StrToUL(string text)
    {
        var (magnitude, negative, overflow, end) = Scan(text);
        var value = overflow ? ulong.MaxValue : negative ? unchecked(0UL - magnitude) : magnitude;
        return new Parsed(value, negative, overflow, end, text.Length);
    }

    /// <summary><c>strtol(text, &amp;end, 0)</c>, returned as a 64-bit <c>long</c>.</summary>
    public static (long Value, Parsed Parsed) StrToL(string text)
    {
        var (magnitude, negative, overflow, end) = Scan(text);
        long value;
        if (negative)
        {
            value = overflow || magnitude > (ulong)long.MaxValue + 1 ? long.MinValue : unchecked(-(long)magnitude);
        }
        else
        {
            value = overflow || magnitude > long.MaxValue ? long.MaxValue : (long)magnitude;
        }

        return (value, new Parsed((ulong)value, negative, overflow, end, text.Length));
    }

    /// <summary>C's conversion of an <c>unsigned long</c> into an <c>int</c>: keep the low 32 bits.</summary>
    public static int ToCInt(ulong value) => unchecked((int)value);

    private static (ulong Magnitude, bool Negative, bool Overflow, int End) Scan(string text)
    {
        var i = 0;
        while (i < text.Length && IsCSpace(text[i]))
        {
            i++;
        }

        var negative = false;
        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        var radix = 10;
        if (i + 1 < text.Length && text[i] == '0' && (text[i + 1] == 'x' || text[i + 1] == 'X') &&
            i + 2 < text.Length && DigitValue(text[i + 2]) is >= 0 and < 16)
        {
            radix = 16;
            i += 2;
        }
        else if (i < text.Length && text[i] == '0')
        {
            radix = 8;
        }

        var start = i;
        ulong magnitude = 0;
        var overflow = false;
        while (i < text.Length && DigitValue(text[i]) is var d && d >= 0 && d < radix)
        {
            if (magnitude > (ulong.MaxValue - (ulong)d) / (ulong)radix)
            {
                overflow = true;
            }
            else
            {
                magnitude = (magnitude * (ulong)radix) + (ulong)d;
            }

            i++;
        }

        // No digits at all: C sets the end pointer back to the start of the text.
        return i == start ? (0, false, false, 0) : (magnitude, negative, overflow, i);
    }

    private static bool IsCSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    private static int DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };
}
