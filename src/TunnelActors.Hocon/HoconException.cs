namespace TunnelActors.Hocon;

/// <summary>The one error type of the HOCON library: a parse, include or resolve failure at a position.</summary>
/// <remarks>The message starts with <c>file:line:column:</c> so it can be printed as is.</remarks>
public sealed class HoconException : Exception
{
    /// <summary>Creates an error at <paramref name="origin"/>; <paramref name="problem"/> says what was expected.</summary>
    public HoconException(HoconOrigin origin, string problem)
        : base($"{origin}: {problem}")
    {
        Origin = origin;
        Problem = problem;
    }

    /// <summary>Where the problem is.</summary>
    public HoconOrigin Origin { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Problem { get; }

    /// <summary>The file (or the description of an in-memory source) the error is in.</summary>
    public string File => Origin.File;

    /// <summary>1-based line of the error.</summary>
    public int Line => Origin.Line;

    /// <summary>1-based column of the error (in UTF-16 code units).</summary>
    public int Column => Origin.Column;
}
