using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Configuration;

/// <summary>The one place where HOCON becomes <see cref="TunnelActorsSettings"/>: layering, validation, every error collected.</summary>
/// <remarks>A tunnel's settings are its own block, over <c>tunnelactors.defaults</c> of the user file, over the
/// defaults of reference.conf. Substitutions may use environment variables (<c>${?HOME}</c>).</remarks>
public static partial class ConfigurationBinder
{
    private static readonly string[] RootKeys = ["state-dir", "defaults", "supervisor", "journal", "control", "tunnels"];
    private static readonly string[] DefaultsKeys = [.. TunnelBinder.TunnelKeys.Except(["host", "local", "remote", "dynamic"])];

    /// <summary>Loads and validates a configuration file.</summary>
    /// <param name="path">The user's configuration file.</param>
    /// <param name="environment">Environment lookup for <c>${VAR}</c> fallback and <c>~</c>; null = the process environment.</param>
    public static ConfigurationResult Load(string path, Func<string, string?>? environment = null)
    {
        var options = Options(environment);
        return Bind(() => HoconParser.ParseFile(path, options), options);
    }

    /// <summary>Loads and validates configuration text (relative includes resolve against the working directory).</summary>
    public static ConfigurationResult LoadText(string text, string description = "<string>", Func<string, string?>? environment = null)
    {
        var options = Options(environment);
        return Bind(() => HoconParser.ParseString(text, description, options), options);
    }

    private static HoconOptions Options(Func<string, string?>? environment) =>
        HoconOptions.Default with { EnvironmentLookup = environment ?? Environment.GetEnvironmentVariable };

    private static ConfigurationResult Bind(Func<HoconDocument> parse, HoconOptions options)
    {
        var errors = new ErrorSink();
        HoconConfig merged;
        HoconDocument user;
        try
        {
            user = parse();
            merged = user.WithFallback(ReferenceConfig.Document).Resolve(options);
        }
        catch (HoconException e)
        {
            errors.Add(e.Origin, string.Empty, e.Problem);
            return new ConfigurationResult(null, errors.ToImmutable());
        }

        if (!user.Keys.Contains("tunnelactors"))
        {
            errors.Add(new HoconOrigin(user.Source, 1, 1), string.Empty, "no 'tunnelactors { ... }' block; expected the settings and tunnels inside tunnelactors { tunnels { ... } }");
        }

        var settings = BindRoot(merged, options.EnvironmentLookup, errors);
        return errors.Count == 0 ? new ConfigurationResult(settings, []) : new ConfigurationResult(null, errors.ToImmutable());
    }

    private static TunnelActorsSettings BindRoot(HoconConfig merged, Func<string, string?> environment, ErrorSink errors)
    {
        var rootObject = merged.Root.TryGetValue("tunnelactors", out var value) && value is HoconObject o ? o : new HoconObject(merged.Root.Origin);
        var root = new SettingsReader(rootObject, string.Empty, errors);
        root.CheckKeys(RootKeys);
        var stateDir = PathExpander.Expand(root.String("state-dir", "a directory"), environment);
        if (stateDir.Length > 0 && !Path.IsPathRooted(stateDir))
        {
            root.Error("state-dir", $"\"{stateDir}\" is relative; expected an absolute directory (the daemon's working directory is not meaningful)");
        }

        var defaults = root.Child("defaults");
        defaults.CheckKeys(DefaultsKeys);

        // Validate the defaults once, even with no tunnels; a tunnel repeating a defaults error is deduplicated.
        var placeholder = HoconParser.ParseString("host = defaults-check", "defaults").Resolve(HoconOptions.Default.WithoutEnvironment());
        TunnelBinder.Bind("defaults", new SettingsReader(placeholder.WithFallback(new HoconConfig(defaults.Object)).Root, "defaults", errors), environment);

        var tunnels = BindTunnels(root.Child("tunnels"), defaults.Object, environment, errors);
        var supervisor = root.Child("supervisor");
        supervisor.CheckKeys(["max-concurrent-handshakes", "handshake-timeout"]);
        var journal = root.Child("journal");
        journal.CheckKeys(["path", "retention-age", "retention-rows-per-tunnel", "buffer-capacity", "snapshot-every"]);
        var control = BindControl(root.Child("control"), environment);
        return new TunnelActorsSettings(
            stateDir,
            tunnels,
            new SupervisorSettings(supervisor.Int("max-concurrent-handshakes", 1, 10_000, "a count"), supervisor.Duration("handshake-timeout", TimeSpan.FromSeconds(1))),
            new JournalSettings(
                PathExpander.Expand(journal.String("path", "a file name"), environment),
                journal.OptionalDuration("retention-age", TimeSpan.FromSeconds(1)),
                journal.OptionalInt("retention-rows-per-tunnel", 1, int.MaxValue, "a row count"),
                journal.Int("buffer-capacity", 1, 10_000_000, "a count"),
                journal.Int("snapshot-every", 1, int.MaxValue, "a count")),
            control,
            Digest(rootObject));
    }

    private static ControlSettings BindControl(SettingsReader control, Func<string, string?> environment)
    {
        control.CheckKeys(["socket-path", "tcp-port", "token-file"]);
        var tcpPort = control.OptionalInt("tcp-port", 1, 65535, "a TCP port");
        var tokenFile = control.OptionalString("token-file");
        if (tcpPort is not null && tokenFile is null)
        {
            control.Error("token-file", "missing; a token file is required when tcp-port is set (the TCP API must not be open to every local user)", control.Raw("tcp-port"));
        }

        return new ControlSettings(PathExpander.Expand(control.String("socket-path", "a socket path"), environment), tcpPort, tokenFile is null ? null : PathExpander.Expand(tokenFile, environment));
    }

    /// <summary>SHA-256 (lowercase hex) of the canonical JSON (sorted keys, no whitespace) of the resolved <c>tunnelactors</c> block.</summary>
    private static string Digest(HoconObject root) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(HoconJson.Render(root, canonical: true))));

    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex TunnelName();
}
