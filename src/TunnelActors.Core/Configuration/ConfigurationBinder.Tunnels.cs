using System.Collections.Immutable;
using TunnelActors.Hocon;

namespace TunnelActors.Core.Configuration;

/// <summary>The tunnels block: names, layering over defaults, port conflicts.</summary>
public static partial class ConfigurationBinder
{
    private static ImmutableArray<TunnelSettings> BindTunnels(SettingsReader tunnels, HoconObject defaults, Func<string, string?> environment, ErrorSink errors)
    {
        var defaultsConfig = new HoconConfig(defaults);
        var bound = new List<TunnelSettings>(tunnels.Object.Count);
        var listeners = new Dictionary<int, List<(string Bind, string Where, HoconOrigin Origin)>>();
        foreach (var (name, block) in tunnels.Object)
        {
            var path = tunnels.PathOf(name);
            if (!TunnelName().IsMatch(name))
            {
                errors.Add(block.Origin, path, "invalid tunnel name; expected letters, digits, '.', '_' and '-' only");
            }

            if (block is not HoconObject blockObject)
            {
                errors.Add(block.Origin, path, $"expected a tunnel block {{ host = ..., local = [...] }}, found {SettingsReader.Describe(block)}");
                continue;
            }

            new SettingsReader(blockObject, path, errors).CheckKeys(TunnelBinder.TunnelKeys);
            var effective = new HoconConfig(blockObject).WithFallback(defaultsConfig).Root;
            var tunnel = TunnelBinder.Bind(name, new SettingsReader(effective, path, errors), environment);
            bound.Add(tunnel);
            CollectListeners(tunnel, path, effective, listeners, errors);
        }

        return [.. bound.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>Records every local listening port; a port used twice on overlapping addresses is an error.</summary>
    private static void CollectListeners(TunnelSettings tunnel, string path, HoconObject effective, Dictionary<int, List<(string Bind, string Where, HoconOrigin Origin)>> listeners, ErrorSink errors)
    {
        var entries = new List<(int Port, string? Bind, string Where, HoconOrigin Origin)>();
        foreach (var (kind, specs) in new[] { ("local", tunnel.Local), ("dynamic", tunnel.Dynamic) })
        {
            var array = effective.TryGetValue(kind, out var v) ? v as HoconArray : null;
            for (var i = 0; i < specs.Length; i++)
            {
                if (specs[i].ListenPort is { } port)
                {
                    var origin = array?.FirstOrDefault(e => e.ToString() == specs[i].Spec)?.Origin ?? effective.Origin;
                    entries.Add((port, specs[i].BindAddress, $"{path}.{kind}[{IndexOf(array, specs[i].Spec, i)}]", origin));
                }
            }
        }

        var monitor = tunnel.Monitor;
        if (monitor.Port is { } monitorPort && monitor.Mode != MonitorMode.None && (monitor.Mode == MonitorMode.Echo || monitor.Transport == LoopTransport.Tcp))
        {
            var origin = effective.TryGetValue("monitor", out var m) && m is HoconObject mo && mo.TryGetValue("port", out var p) ? p.Origin : effective.Origin;
            entries.Add((monitorPort, "127.0.0.1", $"{path}.monitor.port", origin));
            if (monitor.Mode == MonitorMode.Loop)
            {
                entries.Add((monitorPort + 1, "127.0.0.1", $"{path}.monitor.port (+1, the loop's return port)", origin));
            }
        }

        foreach (var (port, bind, where, origin) in entries)
        {
            var normalized = Normalize(bind);
            if (!listeners.TryGetValue(port, out var users))
            {
                listeners[port] = users = [];
            }

            var clash = users.Find(u => u.Bind == normalized || u.Bind == "*" || normalized == "*");
            if (clash.Where is not null)
            {
                errors.Add(origin, where, $"local port {port} is already used by {clash.Where} ({clash.Origin.FileName}:{clash.Origin.Line}); each local listening port may be used once");
            }

            users.Add((normalized, where, origin));
        }
    }

    private static int IndexOf(HoconArray? array, string spec, int fallback)
    {
        if (array is null)
        {
            return fallback;
        }

        for (var i = 0; i < array.Count; i++)
        {
            if (array[i].ToString() == spec)
            {
                return i;
            }
        }

        return fallback;
    }

    // ssh's default bind address is loopback (GatewayPorts no); "", "*" and 0.0.0.0 mean every interface.
    private static string Normalize(string? bind) => bind switch
    {
        null or "localhost" or "127.0.0.1" => "127.0.0.1",
        "" or "*" or "0.0.0.0" or "::" => "*",
        _ => bind,
    };
}
