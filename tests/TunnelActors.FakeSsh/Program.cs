namespace TunnelActors.FakeSsh;

/// <summary>A stand-in for ssh used by actor tests; its behaviour is chosen by FAKE_SSH_* variables.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        _ = args;
        var code = Environment.GetEnvironmentVariable("FAKE_SSH_EXIT");
        return int.TryParse(code, out var exit) ? exit : 0;
    }
}
