using System.Text;

namespace TunnelActors.Hocon.Parsing;

/// <summary>Finds, parses and cycle-checks included files.</summary>
/// <remarks>Names resolve against the directory of the including file, for both <c>include "x"</c> and
/// <c>include file("x")</c> (a daemon's working directory is meaningless); then against the classpath roots.</remarks>
internal sealed class IncludeLoader(HoconOptions options)
{
    /// <summary>Deepest allowed chain of nested includes (Lightbend gives up after 50 as well).</summary>
    public const int MaxIncludeDepth = 50;

    private static readonly string[] Extensions = [".properties", ".json", ".conf"];
    private readonly List<string> _stack = [];

    /// <summary>Parses a top-level file (by path, probing extensions when it has none and does not exist).</summary>
    public HoconValue ParseTopLevel(string path)
    {
        var origin = HoconOrigin.Synthetic(path);
        var files = Candidates(Path.GetFullPath(path));
        if (files.Count == 0)
        {
            throw new HoconException(origin, $"file not found: {path}");
        }

        return files.Count == 1 && !files[0].EndsWith(".properties", StringComparison.Ordinal)
            ? ParseFile(files[0], [], null, null, origin, allowArray: true)
            : MergeAll(files, [], null, null, origin);
    }

    /// <summary>Parses the text of a top-level document held in memory.</summary>
    public HoconValue ParseText(string text, string description)
    {
        _stack.Add(description);
        try
        {
            return new Parser(text, description, this, null, null).ParseDocument([]);
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    /// <summary>Loads an included file; null when it does not exist and is not required.</summary>
    public HoconObject? Include(IncludeRequest request, string[]? path, HoconObject? anchor)
    {
        if (request.Kind == IncludeKind.Url)
        {
            throw new HoconException(request.Origin, $"include url(\"{request.Name}\") is not supported: configuration is never fetched over the network; download the file and use include file(\"...\")");
        }

        var files = new List<string>();
        if (request.Kind != IncludeKind.Classpath)
        {
            var baseDir = File.Exists(request.IncludingFile) ? Path.GetDirectoryName(Path.GetFullPath(request.IncludingFile))! : Directory.GetCurrentDirectory();
            files = Candidates(Path.GetFullPath(Path.Combine(baseDir, request.Name)));
        }

        if (files.Count == 0 && request.Kind != IncludeKind.File)
        {
            if (request.Kind == IncludeKind.Classpath && options.ClasspathRoots.Count == 0)
            {
                throw new HoconException(request.Origin, $"include classpath(\"{request.Name}\") needs a classpath root and none is configured; use include \"{request.Name}\" or file(\"...\")");
            }

            foreach (var root in options.ClasspathRoots)
            {
                files = Candidates(Path.GetFullPath(Path.Combine(root, request.Name.TrimStart('/'))));
                if (files.Count > 0)
                {
                    break;
                }
            }
        }

        if (files.Count == 0)
        {
            return request.Required
                ? throw new HoconException(request.Origin, $"required include \"{request.Name}\" not found (looked next to {Path.GetFileName(request.IncludingFile)}{(options.ClasspathRoots.Count > 0 ? " and in the classpath roots" : string.Empty)})")
                : null;
        }

        return MergeAll(files, path ?? [], path, anchor, request.Origin);
    }

    private HoconObject MergeAll(List<string> files, string[] basePath, string[]? prefix, HoconObject? anchor, HoconOrigin at)
    {
        HoconObject? merged = null;
        foreach (var file in files)
        {
            var value = ParseFile(file, basePath, prefix, anchor, at, allowArray: false);
            merged = merged is null ? (HoconObject)value : (HoconObject)Merge.Values(merged, value);
        }

        return merged!;
    }

    private HoconValue ParseFile(string file, string[] basePath, string[]? prefix, HoconObject? anchor, HoconOrigin at, bool allowArray)
    {
        if (_stack.Contains(file, StringComparer.Ordinal))
        {
            throw new HoconException(at, $"include cycle: {string.Join(" -> ", _stack.Select(Path.GetFileName))} -> {Path.GetFileName(file)}; a file may not include itself, directly or indirectly");
        }

        if (_stack.Count >= MaxIncludeDepth)
        {
            throw new HoconException(at, $"includes are nested more than {MaxIncludeDepth} levels deep");
        }

        string text;
        try
        {
            text = File.ReadAllText(file, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new HoconException(at, $"cannot read {file}: {e.Message}");
        }

        _stack.Add(file);
        try
        {
            if (file.EndsWith(".properties", StringComparison.Ordinal))
            {
                return PropertiesParser.Parse(text, file);
            }

            var root = new Parser(text, file, this, prefix, anchor).ParseDocument(basePath);
            return root is HoconObject || allowArray
                ? root
                : throw new HoconException(at, $"included file {Path.GetFileName(file)} has an array at its root; an included file must hold an object");
        }
        finally
        {
            _stack.RemoveAt(_stack.Count - 1);
        }
    }

    /// <summary>The files an include name stands for: itself when it has a known extension, else every existing name.properties/.json/.conf (in merge order).</summary>
    private static List<string> Candidates(string fullPath)
    {
        var extension = Path.GetExtension(fullPath);
        if (Extensions.Contains(extension, StringComparer.Ordinal) || File.Exists(fullPath) && extension.Length > 0)
        {
            return File.Exists(fullPath) ? [fullPath] : [];
        }

        var found = Extensions.Select(e => fullPath + e).Where(File.Exists).ToList();
        if (found.Count == 0 && File.Exists(fullPath))
        {
            found.Add(fullPath);
        }

        return found;
    }
}
