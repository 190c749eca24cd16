using TunnelActors.Cli.Configuration;
using TunnelActors.Core.Configuration;

namespace TunnelActors.Cli.Tests.Support;

/// <summary>A stand-in for the HOCON loader: each line of the file names a tunnel; a line <c>!msg</c> is an error at that line.</summary>
internal sealed class TestConfigLoader(string stateDir, ControlSettings control) : ITunnelConfigLoader
{
    public ConfigLoadResult Load(string path)
    {
        if (!File.Exists(path))
        {
            return ConfigLoadResult.Invalid([$"{path}: file not found"]);
        }

        var lines = File.ReadAllLines(path);
        var errors = lines.Select((line, index) => (line, index))
            .Where(l => l.line.StartsWith('!'))
            .Select(l => $"{path}:{l.index + 1}:1: {l.line[1..]}")
            .ToList();
        return errors.Count > 0
            ? ConfigLoadResult.Invalid(errors)
            : ConfigLoadResult.Valid(TestSettings.Create(stateDir, lines.Where(l => l.Length > 0), control, digest: string.Join(",", lines)));
    }
}
