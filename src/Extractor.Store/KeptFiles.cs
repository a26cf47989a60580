using System.Security.Cryptography;

namespace Extractor.Store;

/// <summary>
/// Downloaded documents kept next to the store, named by their content: DIR/ab/abcdef….pdf (DIR defaults to the
/// store's path + ".files"). A crawled document's source is a URL that may change or vanish; its kept copy lets
/// `serve` show its pages and web pages as it shows a local file's. Written to a temporary name and then moved, so a
/// reader never sees half a file; the same content is kept once. Job workers share one such folder (a local path for
/// workers on one machine, a shared mount for several): downloads and archive members land there, so an extract job
/// can run on any worker.
/// </summary>
public sealed class KeptFiles(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>The folder job workers share when not told (`--files`), relative to where they run.</summary>
    public const string WorkersDefault = "extractor-files";

    /// <summary>The folder kept files of the store at <paramref name="dbPath"/> go to by default.</summary>
    public static string BesideStore(string dbPath) => Path.GetFullPath(dbPath) + ".files";

    public string PathOf(string sha256, string extension) => Path.Combine(Root, sha256[..2], sha256 + extension.ToLowerInvariant());

    public string Put(string sha256, string extension, ReadOnlySpan<byte> bytes)
    {
        var path = PathOf(sha256, extension);
        if (File.Exists(path)) return path;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var tmp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.part";
        using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write)) fs.Write(bytes);
        try { File.Move(tmp, path); }
        catch (IOException) when (File.Exists(path)) { File.Delete(tmp); }
        return path;
    }

    /// <summary>Copies a local file in under its sha256.</summary>
    public string Copy(string sha256, string file) => Put(sha256, Path.GetExtension(file), File.ReadAllBytes(file));

    /// <summary>The kept copy of a document, whatever its extension, when its bytes still hash to <paramref name="sha256"/>.</summary>
    public string? Find(string sha256)
    {
        if (sha256.Length < 2 || !sha256.All(char.IsAsciiHexDigitLower)) return null;
        var dir = Path.Combine(Root, sha256[..2]);
        if (!Directory.Exists(dir)) return null;
        foreach (var file in Directory.EnumerateFiles(dir, sha256 + ".*"))
        {
            if (file.EndsWith(".part", StringComparison.Ordinal) || new FileInfo(file).LinkTarget is not null) continue;
            using var fs = File.OpenRead(file);
            if (Convert.ToHexStringLower(SHA256.HashData(fs)) == sha256) return file;
        }
        return null;
    }
}
