using System.Globalization;
using System.Text;

namespace TunnelActors.Core.Configuration;

/// <summary>Parses -L/-R/-D specs the way ssh does (openssh readconf.c parse_forward / parse_fwd_field).</summary>
/// <remarks>Fields are separated by ':'; a field in [brackets] is taken literally (IPv6); '\' escapes the next
/// character; a field containing '/' is a Unix socket path. Ports must be 1..65535 here (ssh also takes 0 =
/// "let the server pick" for -R, which a supervisor cannot check).</remarks>
public static class ForwardSpecParser
{
    /// <summary>The accepted forms, for error messages.</summary>
    public static string ExpectedForms(ForwardKind kind) => kind switch
    {
        ForwardKind.Local => "[bind:]port:host:hostport, [bind:]port:/remote/socket, /local/socket:host:hostport or /local/socket:/remote/socket",
        ForwardKind.Remote => "[bind:]port:host:hostport, [bind:]port:/local/socket, /remote/socket:host:hostport, /remote/socket:/local/socket or [bind:]port (reverse SOCKS)",
        _ => "[bind:]port or /local/socket",
    };

    /// <summary>Parses <paramref name="spec"/>; returns null and an explanation when ssh would reject it.</summary>
    public static ForwardSpec? TryParse(ForwardKind kind, string spec, out string? problem)
    {
        problem = null;
        var fields = Split(spec.TrimStart());
        if (fields is null || fields.Count is 0 or > 4)
        {
            problem = fields is null ? "has an unclosed '[' or a stray ']'" : "has too many ':'-separated fields";
            return null;
        }

        string? bind = null, listenSocket = null, host = null, targetSocket = null;
        string? listenPortText = null, targetPortText = null;
        var f = fields;
        switch (f.Count)
        {
            case 1 when f[0].IsPath: listenSocket = f[0].Text; break;
            case 1: listenPortText = f[0].Text; break;
            case 2 when f[0].IsPath && f[1].IsPath: (listenSocket, targetSocket) = (f[0].Text, f[1].Text); break;
            case 2 when f[1].IsPath: (listenPortText, targetSocket) = (f[0].Text, f[1].Text); break;
            case 2: (bind, listenPortText) = (f[0].Text, f[1].Text); break;
            case 3 when f[0].IsPath: (listenSocket, host, targetPortText) = (f[0].Text, f[1].Text, f[2].Text); break;
            case 3 when f[2].IsPath: (bind, listenPortText, targetSocket) = (f[0].Text, f[1].Text, f[2].Text); break;
            case 3: (listenPortText, host, targetPortText) = (f[0].Text, f[1].Text, f[2].Text); break;
            default: (bind, listenPortText, host, targetPortText) = (f[0].Text, f[1].Text, f[2].Text, f[3].Text); break;
        }

        var hasTarget = host is not null || targetSocket is not null;
        if (kind == ForwardKind.Dynamic && hasTarget)
        {
            problem = "names a target, but a -D (SOCKS) forward only has a listening side";
            return null;
        }

        if (kind == ForwardKind.Local && !hasTarget)
        {
            problem = "has no target";
            return null;
        }

        int? listenPort = null, targetPort = null;
        if (listenPortText is not null && (listenPort = Port(listenPortText)) is null)
        {
            problem = $"has listening port '{listenPortText}'; expected a number from 1 to 65535";
            return null;
        }

        if (targetPortText is not null && (targetPort = Port(targetPortText)) is null)
        {
            problem = $"has target port '{targetPortText}'; expected a number from 1 to 65535";
            return null;
        }

        if (host is { Length: 0 })
        {
            problem = "has an empty host";
            return null;
        }

        return new ForwardSpec(kind, spec, bind, listenPort, listenSocket, host, targetPort, targetSocket);
    }

    private static int? Port(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535 ? port : null;

    private static List<(string Text, bool IsPath)>? Split(string spec)
    {
        var fields = new List<(string, bool)>();
        var i = 0;
        while (i < spec.Length)
        {
            if (spec[i] == '[')
            {
                var close = spec.IndexOf(']', i + 1);
                if (close < 0 || (close + 1 < spec.Length && spec[close + 1] != ':'))
                {
                    return null;
                }

                var inner = spec[(i + 1)..close];
                fields.Add((inner, inner.Contains('/', StringComparison.Ordinal)));
                i = close + 2;
                continue;
            }

            var sb = new StringBuilder();
            var isPath = false;
            for (; i < spec.Length && spec[i] != ':'; i++)
            {
                if (spec[i] == '\\')
                {
                    if (++i >= spec.Length)
                    {
                        return null;
                    }
                }
                else if (spec[i] == '/')
                {
                    isPath = true;
                }
                else if (spec[i] == ']')
                {
                    return null;
                }

                sb.Append(spec[i]);
            }

            fields.Add((sb.ToString(), isPath));
            i++;
        }

        return fields;
    }
}
