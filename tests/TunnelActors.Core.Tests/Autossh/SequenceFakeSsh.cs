namespace TunnelActors.Core.Tests.Autossh;

/// <summary>A fake ssh whose i-th launch behaves as line i of a script: a status, <c>sigN</c>, or <c>sleepS:status</c>.</summary>
internal sealed class SequenceFakeSsh : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("ta-autossh-seq-").FullName;

    public SequenceFakeSsh(IEnumerable<string> steps)
    {
        File.WriteAllLines(Path.Combine(_dir, "seq"), steps);
        ScriptPath = Path.Combine(_dir, "fake-ssh");
        File.WriteAllText(ScriptPath, """
            #!/bin/sh
            n=$(cat "$TA_SEQ_DIR/count" 2>/dev/null || echo 0)
            n=$((n+1))
            echo $n > "$TA_SEQ_DIR/count"
            line=$(sed -n "${n}p" "$TA_SEQ_DIR/seq")
            case "$line" in
              sig*) kill -${line#sig} $$ ;;
              sleep*) s=${line#sleep}; sleep ${s%%:*}; exit ${s#*:} ;;
              *) exit $line ;;
            esac

            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(ScriptPath, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    public string ScriptPath { get; }

    /// <summary>How many times the fake ssh was launched.</summary>
    public int Launches => File.Exists(Path.Combine(_dir, "count")) ? int.Parse(File.ReadAllText(Path.Combine(_dir, "count")).Trim(), System.Globalization.CultureInfo.InvariantCulture) : 0;

    /// <summary>The variables selecting this fake ssh.</summary>
    public Dictionary<string, string> Variables(params (string Key, string Value)[] more)
    {
        var variables = new Dictionary<string, string> { ["AUTOSSH_PATH"] = ScriptPath, ["TA_SEQ_DIR"] = _dir };
        foreach (var (key, value) in more)
        {
            variables[key] = value;
        }

        return variables;
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
