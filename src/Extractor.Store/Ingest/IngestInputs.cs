namespace Extractor.Store.Ingest;

/// <summary>
/// One thing to ingest: a file found under a folder or named outright, or a path that does not exist. A crawler
/// that downloaded the file sets Source (the URL, stored instead of the local path), FoundOn and LinkText.
/// </summary>
public sealed record IngestInput(string Path, bool Explicit, bool Missing = false)
{
    public string? Source { get; init; }
    public string? FoundOn { get; init; }
    public string? LinkText { get; init; }
    /// <summary>Known to fail before extraction (an archive that cannot be unpacked): stored as failed with this reason.</summary>
    public (string Reason, string Message)? Failure { get; init; }
}

/// <summary>Turns the PATH arguments of `extractor ingest` into files, lazily (a folder of a million files is never listed in memory at once).</summary>
public static class IngestInputs
{
    /// <summary>Extensions taken from folders; a file named outright is always tried, whatever its name.</summary>
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".html", ".htm", ".txt", ".docx", ".xlsx", ".doc", ".xls", ".wps", ".et", ".zip",
    };

    public static bool IsSupported(string path) => Extensions.Contains(System.IO.Path.GetExtension(path));

    /// <summary>Files of each argument in order; folders are walked recursively in ordinal name order (deterministic).</summary>
    public static IEnumerable<IngestInput> Enumerate(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (File.Exists(path)) yield return new IngestInput(path, Explicit: true);
            else if (Directory.Exists(path))
                foreach (var file in Walk(path)) yield return new IngestInput(file, Explicit: false);
            else yield return new IngestInput(path, Explicit: true, Missing: true);
        }
    }

    private static IEnumerable<string> Walk(string dir)
    {
        var pending = new Stack<string>();
        pending.Push(dir);
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            string[] files, dirs;
            try
            {
                files = Directory.GetFiles(current);
                dirs = Directory.GetDirectories(current);
            }
            catch (Exception e) when (e is UnauthorizedAccessException or IOException)
            {
                continue;
            }
            Array.Sort(files, StringComparer.Ordinal);
            Array.Sort(dirs, StringComparer.Ordinal);
            foreach (var f in files) yield return f;
            for (var i = dirs.Length - 1; i >= 0; i--) pending.Push(dirs[i]);
        }
    }
}
