using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Extractor.Store;

namespace Extractor.Serve.Web;

/// <summary>
/// The source files serve shows in its page view. A stored document's file is read only when it is a regular file
/// under the source root, its path resolved with every link followed and still under the root (so neither a link
/// inside the root nor "../" leads out of it); it is hashed while it is copied into this server's own folder, named by
/// the sha256, and only a copy that hashes to the stored sha256 is kept. That copy is what is served: the file at the
/// source path may change afterwards, or become a link to /etc/passwd, and the server still serves only the stored
/// document's bytes.
/// </summary>
/// A crawled document (its source a URL) is read from the copy crawl kept beside the store, named by its content.
public sealed class SourceFiles(string root, KeptFiles kept) : IDisposable
{
    private readonly string _root = Path.GetFullPath(root);
    private readonly DirectoryInfo _copies = Directory.CreateTempSubdirectory("extractor-serve-");
    private readonly ConcurrentDictionary<string, Lock> _locks = new(StringComparer.Ordinal);

    /// <summary>The verified copy of the document's source, or null and why not.</summary>
    public string? Local(DocumentRecord doc, out string? why)
    {
        why = null;
        var html = doc.MediaType is "text/html";
        var copy = Path.Combine(_copies.FullName, doc.Sha256 + (html ? ".html" : ".pdf"));
        if (File.Exists(copy)) return copy;
        if (doc.MediaType is not null && doc.MediaType != "application/pdf" && !html)
        {
            why = $"the source is {doc.MediaType}: provenance is a path in the document, shown beside each figure";
            return null;
        }
        if (Uri.TryCreate(doc.Source, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            // A crawled document: the copy crawl kept next to the store (Find checks its hash and refuses links).
            if (kept.Find(doc.Sha256) is { } keptCopy) return CopyVerified(keptCopy, doc, copy, out why);
            why = $"the source is a URL and no copy is kept in {kept.Root} (crawl keeps one; a document ingested from a URL before that was not)";
            return null;
        }
        var path = Path.GetFullPath(Path.IsPathRooted(doc.Source) ? doc.Source : Path.Combine(_root, doc.Source));
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            why = $"source file not found: {doc.Source} (start serve from the folder ingest ran in, or pass --source-root)";
            return null;
        }
        var real = RealPath(path);
        var realRoot = RealPath(_root) ?? _root;
        if (real is null || !real.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal))
        {
            why = $"{doc.Source} is outside the source root {_root} (or a link out of it); serve shows only files under it";
            return null;
        }
        var info = new FileInfo(real);
        if (!info.Exists || info.Length == 0 || info.Attributes.HasFlag(FileAttributes.Directory))
        {
            why = $"{doc.Source} is not a regular file";
            return null;
        }
        return CopyVerified(real, doc, copy, out why);
    }

    /// <summary>Copies <paramref name="real"/> into this server's folder while hashing it; keeps it only when it hashes to the stored sha256.</summary>
    private string? CopyVerified(string real, DocumentRecord doc, string copy, out string? why)
    {
        why = null;
        lock (_locks.GetOrAdd(doc.Sha256, _ => new Lock()))
        {
            if (File.Exists(copy)) return copy;
            var temp = Path.Combine(_copies.FullName, Guid.NewGuid().ToString("N") + ".part");
            try
            {
                using (var input = new FileStream(real, FileMode.Open, FileAccess.Read, FileShare.Read))
                using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                using (var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256))
                {
                    var buffer = new byte[1 << 16];
                    int n;
                    while ((n = input.Read(buffer)) > 0)
                    {
                        hash.AppendData(buffer, 0, n);
                        output.Write(buffer, 0, n);
                    }
                    if (!Convert.ToHexStringLower(hash.GetHashAndReset()).Equals(doc.Sha256, StringComparison.Ordinal))
                    {
                        why = $"{doc.Source} has changed since it was ingested (sha256 differs)";
                        return null;
                    }
                }
                File.Move(temp, copy, overwrite: true);
                return copy;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                why = $"{doc.Source} cannot be read: {e.Message.Split('\n')[0]}";
                return null;
            }
            finally
            {
                try { File.Delete(temp); } catch (IOException) { }
            }
        }
    }

    /// <summary>The path with every symbolic link resolved (realpath(3)); null when it does not resolve.</summary>
    private static string? RealPath(string path)
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return new FileInfo(path).LinkTarget is null ? path : null; // elsewhere: refuse a link outright
        var resolved = realpath(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero) return null;
        try { return Marshal.PtrToStringUTF8(resolved); }
        finally { free(resolved); }
    }

    [DllImport("libc", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern IntPtr realpath(string path, IntPtr resolved);

    [DllImport("libc")]
    private static extern void free(IntPtr pointer);

    public void Dispose()
    {
        try { _copies.Delete(recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
