namespace TunnelActors.Hocon.Parsing;

/// <summary>The <c>include</c> statement.</summary>
internal sealed partial class Parser
{
    private static readonly string[] Wrappers = ["required(", "file(", "url(", "classpath("];

    private void ParseInclude(HoconObject target, string[]? path)
    {
        SkipBlank();
        var start = Peek();
        var required = false;
        var kind = IncludeKind.Heuristic;
        var open = 0;
        Token name;
        while (true)
        {
            SkipBlank();
            var token = Take();
            if (token.Kind == TokenKind.Quoted)
            {
                name = token;
                break;
            }

            if (token.Kind != TokenKind.Unquoted)
            {
                throw IncludeSyntax(token);
            }

            var text = token.Text;
            while (text.Length > 0)
            {
                var wrapper = Array.Find(Wrappers, w => text.StartsWith(w, StringComparison.Ordinal));
                if (wrapper is null || (wrapper == "required(" && (required || kind != IncludeKind.Heuristic)) || (wrapper != "required(" && kind != IncludeKind.Heuristic))
                {
                    throw IncludeSyntax(token);
                }

                required |= wrapper == "required(";
                kind = wrapper switch
                {
                    "file(" => IncludeKind.File,
                    "url(" => IncludeKind.Url,
                    "classpath(" => IncludeKind.Classpath,
                    _ => kind,
                };
                open++;
                text = text[wrapper.Length..];
            }
        }

        while (open > 0)
        {
            SkipBlank();
            var token = Take();
            if (token.Kind != TokenKind.Unquoted || token.Text.Any(c => c != ')') || token.Text.Length > open)
            {
                throw At(token, $"expected ')' to close the include, found {token.Describe()}");
            }

            open -= token.Text.Length;
        }

        var request = new IncludeRequest(kind, name.Text, required, File, OriginOf(start));
        var included = _includes.Include(request, path, path is null ? target : null);
        if (included is not null)
        {
            foreach (var (key, value) in included)
            {
                target.Set(key, Merge.Values(target.TryGetValue(key, out var old) ? old : null, value));
            }
        }
    }

    private HoconException IncludeSyntax(in Token token) =>
        At(token, $"unexpected {token.Describe()} after include; expected a quoted name: include \"other.conf\", include file(\"/etc/x.conf\") or include required(\"x.conf\")");
}
