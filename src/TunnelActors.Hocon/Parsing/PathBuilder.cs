using System.Text;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Builds a path from the tokens of a key or a substitution (dots split unquoted text only).</summary>
internal sealed class PathBuilder(string file)
{
    private readonly List<string> _elements = [];
    private readonly StringBuilder _current = new();
    private bool _currentQuoted;
    private Token _first;
    private bool _any;

    /// <summary>Adds one token: quoted text is taken whole, unquoted text and numbers split on '.'.</summary>
    public void Add(in Token token)
    {
        if (!_any)
        {
            _first = token;
            _any = true;
        }

        if (token.Kind is TokenKind.Quoted or TokenKind.Whitespace)
        {
            _current.Append(token.Text);
            _currentQuoted |= token.Kind == TokenKind.Quoted;
            return;
        }

        var text = token.Text;
        var start = 0;
        int dot;
        while ((dot = text.IndexOf('.', start)) >= 0)
        {
            _current.Append(text, start, dot - start);
            Finish(token);
            start = dot + 1;
        }

        _current.Append(text, start, text.Length - start);
    }

    /// <summary>The path; throws when an element is empty and unquoted (<c>a..b</c>, <c>.a</c>, <c>a.</c>).</summary>
    public string[] Build()
    {
        if (!_any)
        {
            throw new InvalidOperationException("a path needs at least one token");
        }

        Finish(_first);
        return [.. _elements];
    }

    private void Finish(in Token at)
    {
        if (_current.Length == 0 && !_currentQuoted)
        {
            throw new HoconException(new HoconOrigin(file, at.Line, at.Column), "empty element in path (from '..', or a leading or trailing '.'); quote it (\"\") if an empty key is meant");
        }

        _elements.Add(_current.ToString());
        _current.Clear();
        _currentQuoted = false;
    }
}
