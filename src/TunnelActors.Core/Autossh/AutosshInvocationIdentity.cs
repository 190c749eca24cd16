using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace TunnelActors.Core.Autossh;

/// <summary>What makes two drop-in runs the same tunnel: the ssh command they run and where it runs. A run ends the ssh
/// that a SIGKILLed predecessor of the same identity left behind (DEVIATIONS.md row 34).</summary>
/// <param name="SshPath">The ssh program as given (<c>AUTOSSH_PATH</c>, else <c>/usr/bin/ssh</c>).</param>
/// <param name="SshOptions">ssh's options as the drop-in passes them (after getopt, so <c>POSIXLY_CORRECT</c> counts).</param>
/// <param name="Destination">The ssh destination.</param>
/// <param name="RemoteCommand">The words of the remote command, empty for none.</param>
/// <param name="Monitor">The <c>-M</c> or <c>AUTOSSH_PORT</c> value, parsed; null for an automatically chosen loop port.</param>
/// <param name="WorkingDirectory">The directory ssh runs in.</param>
/// <remarks>
/// Built from the parsed settings, so different spellings of one command agree: <c>-f</c> and the detached child's
/// marker variables, the place of autossh's own options, <c>-M 20000</c> versus <c>AUTOSSH_PORT=20000</c> (or
/// <c>0x4e20</c>), and the variables that do not shape the ssh command (POLL, FIRST_POLL, GATETIME, MAXSTART,
/// MAXLIFETIME, MESSAGE, LOGLEVEL, DEBUG, LOGFILE, PIDFILE) do not count. The working directory counts because relative
/// paths (<c>-i key</c>, <c>-F config</c>, <c>-E log</c>, a Unix-socket forward, a ProxyCommand, a relative
/// AUTOSSH_PATH) name other files elsewhere, and they cannot be told from other words. A <c>-f</c> run's ssh runs in
/// <c>/</c>, whatever directory the run was started from. Two identities are equal when every part is equal (ordinal).
/// </remarks>
public sealed record AutosshInvocationIdentity(
    string SshPath,
    ImmutableArray<string> SshOptions,
    string Destination,
    ImmutableArray<string> RemoteCommand,
    AutosshMonitorPort? Monitor,
    string WorkingDirectory)
{
    /// <summary>The version of the stored form; another version never equals this one's identities.</summary>
    private const int FormatVersion = 1;

    /// <summary>The identity of a run with <paramref name="settings"/> whose ssh runs in <paramref name="workingDirectory"/>.</summary>
    public static AutosshInvocationIdentity Of(AutosshSettings settings, string workingDirectory) => new(
        settings.Tunnel.SshPath,
        settings.Tunnel.SshArgs,
        settings.Tunnel.Destination.Host,
        settings.Tunnel.RemoteCommand,
        settings.MonitorPort,
        workingDirectory);

    /// <inheritdoc />
    public bool Equals(AutosshInvocationIdentity? other) =>
        other is not null
        && SshPath == other.SshPath
        && SshOptions.SequenceEqual(other.SshOptions, StringComparer.Ordinal)
        && Destination == other.Destination
        && RemoteCommand.SequenceEqual(other.RemoteCommand, StringComparer.Ordinal)
        && Monitor == other.Monitor
        && WorkingDirectory == other.WorkingDirectory;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(SshPath, Destination, SshOptions.Length, RemoteCommand.Length, Monitor, WorkingDirectory);

    /// <summary>The stored form: one JSON object (UTF-8), any argument text survives.</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("format", FormatVersion);
            json.WriteString("sshPath", SshPath);
            WriteArray(json, "sshOptions", SshOptions);
            json.WriteString("destination", Destination);
            WriteArray(json, "remoteCommand", RemoteCommand);
            if (Monitor is { } monitor)
            {
                json.WriteStartObject("monitor");
                json.WriteNumber("port", monitor.Port);
                if (monitor.EchoPort is { } echo)
                {
                    json.WriteNumber("echoPort", echo);
                }

                json.WriteEndObject();
            }

            json.WriteString("workingDirectory", WorkingDirectory);
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>Reads a stored form, or null when it is not one (another format version, damaged, empty).</summary>
    public static AutosshInvocationIdentity? FromJson(ReadOnlySpan<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8);
            using var document = JsonDocument.ParseValue(ref reader);
            var root = document.RootElement;
            if (root.GetProperty("format").GetInt32() != FormatVersion)
            {
                return null;
            }

            AutosshMonitorPort? monitor = null;
            if (root.TryGetProperty("monitor", out var m))
            {
                monitor = new AutosshMonitorPort(
                    m.GetProperty("port").GetInt32(), m.TryGetProperty("echoPort", out var echo) ? echo.GetInt32() : null);
            }

            return new AutosshInvocationIdentity(
                Text(root, "sshPath"),
                ReadArray(root, "sshOptions"),
                Text(root, "destination"),
                ReadArray(root, "remoteCommand"),
                monitor,
                Text(root, "workingDirectory"));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return null;
        }
    }

    /// <inheritdoc />
    public override string ToString() => Encoding.UTF8.GetString(ToJson());

    private static void WriteArray(Utf8JsonWriter json, string name, ImmutableArray<string> words)
    {
        json.WriteStartArray(name);
        foreach (var word in words)
        {
            json.WriteStringValue(word);
        }

        json.WriteEndArray();
    }

    private static string Text(JsonElement root, string name) =>
        root.GetProperty(name).GetString() ?? throw new FormatException($"{name} is null");

    private static ImmutableArray<string> ReadArray(JsonElement root, string name) =>
        [.. root.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? throw new FormatException($"{name} holds null"))];
}
