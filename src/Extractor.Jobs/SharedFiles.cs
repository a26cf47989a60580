namespace Extractor.Jobs;

/// <summary>
/// A folder every worker sees (a local path for workers on one machine, a shared mount for several): downloads and
/// archive members land here named by their content, DIR/ab/abcdef….ext, so the same bytes are kept once whoever
/// fetched them, and an extract job can run on any worker.
/// </summary>
public sealed class SharedFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    public string PathOf(string sha256, string extension) => Path.Combine(Root, sha256[..2], sha256 + extension.ToLowerInvariant());

    /// <summary>Writes the bytes under their sha256 (written to a temporary name, then moved: a reader never sees half a file).</summary>
    public string Put(string sha256, string extension, ReadOnlySpan<byte> bytes)
    {
        var path = PathOf(sha256, extension);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)) fs.Write(bytes);
        try { File.Move(tmp, path); }
        catch (IOException) when (File.Exists(path)) { File.Delete(tmp); } // another worker stored the same bytes first
        return path;
    }

    /// <summary>Copies a local file in under its sha256.</summary>
    public string Copy(string sha256, string file) => Put(sha256, Path.GetExtension(file), File.ReadAllBytes(file));
}
