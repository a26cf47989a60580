using System.IO.Compression;
using System.Text;

namespace Extractor.Office.Archives;

/// <summary>Bounds on what one archive may unpack to.</summary>
public sealed record ZipLimits(
    int MaxMembers = 200,
    long MaxTotalBytes = 512L * 1024 * 1024,
    long MaxMemberBytes = 256L * 1024 * 1024,
    int MaxDepth = 2,
    double MaxCompressionRatio = 200);

/// <summary>
/// One file unpacked from an archive, to ingest as its own document. <see cref="ArchivePath"/> names it through
/// the archive chain from the archive's URL or path ("https://…/a.zip!/附件/inner.zip!/表.xlsx"): the document's
/// source; <see cref="FoundOn"/> is the outermost archive (its URL or path), for the store's found_on.
/// </summary>
public sealed record ZipMember(string EntryName, string ExtractedPath, string ArchivePath, string FoundOn, int Depth, long Length);

/// <summary>An archive's members, and what was left out and why (limits, unsafe names, unreadable entries).</summary>
public sealed record ZipExpansion(IReadOnlyList<ZipMember> Members, IReadOnlyList<string> Skipped);

/// <summary>
/// Unpacks ZIP attachments for ingestion: every file member (nested archives opened up to
/// <see cref="ZipLimits.MaxDepth"/>) is written under the output folder with a safe generated name and returned;
/// folders, __MACOSX and dot-files are skipped. Names without the UTF-8 flag are decoded as GB18030, as Chinese
/// Windows writes them. Limits on member count, total and per-member size and compression ratio stop zip bombs;
/// whatever exceeds them is listed in <see cref="ZipExpansion.Skipped"/>, and the members within them are kept.
/// </summary>
public static class ZipAttachments
{
    public static bool IsZip(string path)
    {
        Span<byte> head = stackalloc byte[4];
        using var fs = File.OpenRead(path);
        return fs.Read(head) == 4 && head.SequenceEqual("PK\u0003\u0004"u8);
    }

    /// <summary>A ZIP archive to unpack (not a .docx/.xlsx, which are ZIP containers read as documents).</summary>
    public static bool IsArchive(string path) => IsZip(path) && !IsOfficeZip(path);

    /// <exception cref="InvalidDataException">the archive itself cannot be read (a nested one that cannot is skipped)</exception>
    public static ZipExpansion Expand(string zipPath, string outputDir, ZipLimits? limits = null, string? foundOn = null)
    {
        limits ??= new ZipLimits();
        Directory.CreateDirectory(outputDir);
        var state = new State(limits, outputDir, foundOn ?? zipPath);
        using (var stream = File.OpenRead(zipPath))
            Walk(stream, foundOn ?? zipPath, 1, state);
        return new ZipExpansion(state.Members, state.Skipped);
    }

    private sealed class State(ZipLimits limits, string outputDir, string foundOn)
    {
        public ZipLimits Limits { get; } = limits;
        public string OutputDir { get; } = outputDir;
        public string FoundOn { get; } = foundOn;
        public List<ZipMember> Members { get; } = [];
        public List<string> Skipped { get; } = [];
        public long Total;
        public int Entries;
        /// <summary>Files written so far, nested archives included: each gets the next number, never one in use.</summary>
        public int Written;
    }

    private static Encoding NameEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("GB18030");
    }

    private static void Walk(Stream stream, string archivePath, int depth, State state)
    {
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true, entryNameEncoding: NameEncoding()); }
        catch (InvalidDataException e) when (depth > 1) { state.Skipped.Add($"{archivePath}: not a readable zip ({e.Message})"); return; }
        using (archive)
        {
            foreach (var entry in archive.Entries)
            {
                var name = entry.FullName.Replace('\\', '/');
                var where = $"{archivePath}!/{name}";
                if (name.EndsWith('/') || entry.Length == 0 && entry.Name.Length == 0) continue;
                var parts = name.Split('/');
                // A name that climbs out of its folder (../) or starts at the root is an attack on unzip tools: never
                // written (names here are generated anyway), but said, so a user sees the member is not lost by accident.
                if (parts.Any(p => p == "..") || name.StartsWith('/') || name.Length > 1 && name[1] == ':')
                { state.Skipped.Add($"{where}: unsafe name (outside the archive's folder)"); continue; }
                if (parts.Any(p => p.StartsWith('.') || p == "__MACOSX")) continue;
                if (++state.Entries > state.Limits.MaxMembers) { state.Skipped.Add($"{where}: more than {state.Limits.MaxMembers} members"); break; }
                if (entry.Length > state.Limits.MaxMemberBytes) { state.Skipped.Add($"{where}: {entry.Length} bytes exceeds the member limit"); continue; }
                if (state.Total + entry.Length > state.Limits.MaxTotalBytes) { state.Skipped.Add($"{where}: total size limit reached"); continue; }
                if (entry.CompressedLength > 0 && entry.Length / (double)entry.CompressedLength > state.Limits.MaxCompressionRatio)
                { state.Skipped.Add($"{where}: compression ratio too high"); continue; }

                var ext = Path.GetExtension(entry.Name).ToLowerInvariant();
                var target = Path.Combine(state.OutputDir, $"{++state.Written:D4}{SafeExtension(ext)}");
                FileStream output;
                try { output = new FileStream(target, FileMode.CreateNew, FileAccess.Write); }
                catch (IOException e) { state.Skipped.Add($"{where}: cannot be written ({e.Message})"); continue; }
                try
                {
                    using (output)
                    using (var input = entry.Open())
                        Copy(input, output, state.Limits.MaxMemberBytes);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
                {
                    // One bad member (damaged data, an unsupported compression method) costs that member, not the archive.
                    state.Skipped.Add($"{where}: unreadable ({e.Message})");
                    TryDelete(target);
                    continue;
                }
                var length = new FileInfo(target).Length;
                state.Total += length;

                if (ZipAttachments.IsZip(target) && !IsOfficeZip(target))
                {
                    if (depth >= state.Limits.MaxDepth) { state.Skipped.Add($"{where}: archive nested deeper than {state.Limits.MaxDepth}"); TryDelete(target); continue; }
                    using (var nested = File.OpenRead(target)) Walk(nested, where, depth + 1, state);
                    TryDelete(target);
                    continue;
                }
                state.Members.Add(new ZipMember(name, target, where, state.FoundOn, depth, length));
            }
        }
    }

    /// <summary>A .docx/.xlsx is a zip too: it is a member, not an archive to open.</summary>
    private static bool IsOfficeZip(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            return zip.GetEntry("[Content_Types].xml") is not null;
        }
        catch (InvalidDataException) { return false; }
    }

    private static string SafeExtension(string ext) =>
        ext.Length is > 1 and <= 6 && ext.Skip(1).All(char.IsAsciiLetterOrDigit) ? ext : ".bin";

    private static void Copy(Stream input, Stream output, long max)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = input.Read(buffer)) > 0)
        {
            total += read;
            if (total > max) throw new InvalidDataException("member larger than its header says");
            output.Write(buffer, 0, read);
        }
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
