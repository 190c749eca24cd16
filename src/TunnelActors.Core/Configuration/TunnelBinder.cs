using System.Collections.Immutable;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Configuration;

/// <summary>Binds one tunnel block (already layered over <c>defaults</c>) into <see cref="TunnelSettings"/>.</summary>
internal static class TunnelBinder
{
    /// <summary>Keys a tunnel block may hold.</summary>
    public static readonly string[] TunnelKeys =
    [
        "host", "user", "port", "identity-file", "local", "remote", "dynamic", "ssh-path", "ssh-options", "ssh-args",
        "monitor", "backoff", "limits", "stop-grace-period",
    ];

    private static readonly string[] MonitorKeys =
    [
        "mode", "transport", "port", "echo-port", "remote-socket-dir", "first-probe-delay", "interval", "timeout",
        "min-timeout", "max-timeout", "confirm-retries", "confirm-interval",
    ];

    private static readonly string[] BackoffKeys = ["min", "max", "random-factor", "stable-after", "immediate-first-restart"];
    private static readonly string[] LimitsKeys = ["gate-time", "max-starts", "max-lifetime", "restart-on-clean-exit"];

    public static TunnelSettings Bind(string name, SettingsReader tunnel, Func<string, string?> environment)
    {
        tunnel.CheckKeys(TunnelKeys);
        var host = tunnel.String("host", "the ssh host name, address or ssh_config alias");
        NotAnOption(tunnel, "host", host);
        var user = tunnel.OptionalString("user");
        NotAnOption(tunnel, "user", user);
        var identity = tunnel.OptionalString("identity-file") is { } file ? PathExpander.Expand(file, environment) : null;
        if (identity is not null && !Path.IsPathRooted(identity))
        {
            // ssh would resolve a relative key path against the daemon's working directory.
            tunnel.Error("identity-file", $"\"{identity}\" is relative; expected an absolute path or one starting with ~/");
        }

        var destination = new SshDestination(host, user, tunnel.OptionalInt("port", 1, 65535, "a TCP port"), identity);
        var sshPath = tunnel.String("ssh-path", "the ssh program (a name on PATH or an absolute path)");
        if (sshPath.Contains('/', StringComparison.Ordinal) && !Path.IsPathRooted(sshPath))
        {
            tunnel.Error("ssh-path", $"\"{sshPath}\" is a relative path; expected a program name looked up on PATH (ssh) or an absolute path (/usr/bin/ssh)");
        }

        var sshArgs = Strings(tunnel, "ssh-args", allowNumbers: false);
        return new TunnelSettings(
            name,
            destination,
            Forwards(tunnel, "local", ForwardKind.Local),
            Forwards(tunnel, "remote", ForwardKind.Remote),
            Forwards(tunnel, "dynamic", ForwardKind.Dynamic),
            [.. SshOptionRenderer.Render(tunnel.Child("ssh-options"))],
            [.. sshArgs],
            sshPath,
            Monitor(tunnel.Child("monitor")),
            Backoff(tunnel.Child("backoff")),
            Limits(tunnel.Child("limits")),
            tunnel.Duration("stop-grace-period", TimeSpan.Zero));
    }

    private static void NotAnOption(SettingsReader reader, string key, string? value)
    {
        // ssh would read a leading '-' as an option (argument injection), and whitespace cannot be part of a host or user.
        if (value is { Length: > 0 } && (value[0] == '-' || value.Any(char.IsWhiteSpace)))
        {
            reader.Error(key, $"\"{value}\" may not start with '-' or contain whitespace");
        }
    }

    private static ImmutableArray<ForwardSpec> Forwards(SettingsReader tunnel, string key, ForwardKind kind)
    {
        var specs = ImmutableArray.CreateBuilder<ForwardSpec>();
        foreach (var (value, index) in Elements(tunnel, key, allowNumbers: kind == ForwardKind.Dynamic))
        {
            var text = value is HoconNumber n ? n.Text : ((HoconString)value).Value;
            if (ForwardSpecParser.TryParse(kind, text, out var problem) is { } spec)
            {
                specs.Add(spec);
            }
            else
            {
                tunnel.Errors.Add(value.Origin, $"{tunnel.PathOf(key)}[{index}]", $"\"{text}\" is not a forward: it {problem}; expected {ForwardSpecParser.ExpectedForms(kind)}");
            }
        }

        return specs.ToImmutable();
    }

    private static List<string> Strings(SettingsReader tunnel, string key, bool allowNumbers) =>
        [.. Elements(tunnel, key, allowNumbers).Select(e => e.Value is HoconNumber n ? n.Text : ((HoconString)e.Value).Value)];

    /// <summary>The string elements of a list (a single string is a one-element list); other elements are errors.</summary>
    private static IEnumerable<(HoconValue Value, int Index)> Elements(SettingsReader tunnel, string key, bool allowNumbers)
    {
        var raw = tunnel.Raw(key);
        IEnumerable<HoconValue> items = raw switch
        {
            null => [],
            HoconArray array => array,
            HoconString or HoconNumber => [raw],
            _ => Fail(),
        };
        var index = 0;
        foreach (var item in items)
        {
            if (item is HoconString || (allowNumbers && item is HoconNumber))
            {
                yield return (item, index);
            }
            else
            {
                tunnel.Errors.Add(item.Origin, $"{tunnel.PathOf(key)}[{index}]", $"expected a string in double quotes, found {SettingsReader.Describe(item)}");
            }

            index++;
        }

        IEnumerable<HoconValue> Fail()
        {
            tunnel.Error(key, $"expected a list [ \"...\", ... ], found {SettingsReader.Describe(raw)}");
            return [];
        }
    }

    private static MonitorSettings Monitor(SettingsReader m)
    {
        m.CheckKeys(MonitorKeys);
        var mode = Enum<MonitorMode>(m, "mode", MonitorMode.Loop);
        var transport = Enum<LoopTransport>(m, "transport", LoopTransport.Unix);
        var port = m.OptionalInt("port", 1, transport == LoopTransport.Tcp && mode == MonitorMode.Loop ? 65534 : 65535, "a TCP port (the loop uses port and port+1)");
        var settings = new MonitorSettings(
            mode,
            transport,
            port,
            m.Int("echo-port", 1, 65535, "a TCP port"),
            m.String("remote-socket-dir", "a directory on the server"),
            m.Duration("first-probe-delay", TimeSpan.Zero),
            m.Duration("interval", TimeSpan.FromMilliseconds(100)),
            m.Duration("timeout", TimeSpan.FromMilliseconds(10)),
            m.Duration("min-timeout", TimeSpan.FromMilliseconds(10)),
            m.Duration("max-timeout", TimeSpan.FromMilliseconds(10)),
            m.Int("confirm-retries", 0, 100, "a retry count"),
            m.Duration("confirm-interval", TimeSpan.Zero));
        if (settings.MinTimeout > settings.MaxTimeout || settings.Timeout < settings.MinTimeout || settings.Timeout > settings.MaxTimeout)
        {
            m.Error("timeout", $"must lie within min-timeout..max-timeout ({SettingsReader.Format(settings.MinTimeout)}..{SettingsReader.Format(settings.MaxTimeout)}), is {SettingsReader.Format(settings.Timeout)}");
        }

        return settings;
    }

    private static BackoffSettings Backoff(SettingsReader b)
    {
        b.CheckKeys(BackoffKeys);
        var settings = new BackoffSettings(
            b.Duration("min", TimeSpan.Zero),
            b.Duration("max", TimeSpan.Zero),
            b.Double("random-factor", 0, 1),
            b.Duration("stable-after", TimeSpan.Zero),
            b.Bool("immediate-first-restart"));
        if (settings.Max < settings.Min)
        {
            b.Error("max", $"{SettingsReader.Format(settings.Max)} is below min ({SettingsReader.Format(settings.Min)}); expected max >= min");
        }

        return settings;
    }

    private static LimitsSettings Limits(SettingsReader l)
    {
        l.CheckKeys(LimitsKeys);
        return new LimitsSettings(
            l.Duration("gate-time", TimeSpan.Zero),
            l.OptionalInt("max-starts", 1, int.MaxValue, "a start count"),
            l.OptionalDuration("max-lifetime", TimeSpan.FromSeconds(1)),
            l.Bool("restart-on-clean-exit"));
    }

    private static T Enum<T>(SettingsReader reader, string key, T fallback)
        where T : struct, Enum
    {
        var text = reader.OptionalString(key);
        if (text is not null && text.All(char.IsAsciiLetterLower) && System.Enum.TryParse<T>(text, ignoreCase: true, out var parsed))
        {
            return parsed;
        }

        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        reader.Error(key, text is null ? $"missing; expected one of {string.Join(", ", names)}" : $"\"{text}\" is not one of {string.Join(", ", names)}");
        return fallback;
    }
}
