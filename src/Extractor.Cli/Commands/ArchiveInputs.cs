using Extractor.Office.Archives;
using Extractor.Store.Ingest;

namespace Extractor.Cli.Commands;

/// <summary>
/// ZIP attachments are unpacked (within ZipAttachments' limits on members, size and nesting) and each
/// member is ingested as a document of its own, its source "archive.zip!member" and found_on the archive.
/// </summary>
public sealed class ArchiveInputs : IDisposable
{
    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("extractor-zip-");

    public IEnumerable<IngestInput> Expand(IEnumerable<IngestInput> inputs)
    {
        var n = 0;
        foreach (var input in inputs)
        {
            if (input.Missing || !IsZipCandidate(input) || !ZipAttachments.IsArchive(input.Path))
            {
                yield return input;
                continue;
            }
            ZipExpansion? expansion = null;
            string? failure = null;
            try
            {
                expansion = ZipAttachments.Expand(input.Path, Path.Combine(_scratch.FullName, (n++).ToString()), foundOn: input.Source ?? input.Path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                failure = e.Message.Split('\n')[0];
            }
            if (expansion is null)
            {
                // Stored as a failed document, so the summary counts it and `documents` lists it with its reason.
                yield return input with { Failure = ("bad_archive", $"not a readable zip archive: {failure}") };
                continue;
            }
            foreach (var skipped in expansion.Skipped) Console.Error.WriteLine($"{input.Path}: skipped {skipped}");
            var archive = input.Source ?? input.Path;
            foreach (var m in expansion.Members)
                yield return new IngestInput(m.ExtractedPath, Explicit: IngestInputs.IsSupported(m.EntryName))
                {
                    // The path inside the archive, through any nested archives (mid.zip!/a.pdf).
                    Source = $"{archive}!{m.ArchivePath[(m.FoundOn.Length + 2)..]}",
                    FoundOn = m.FoundOn,
                };
        }
    }

    private static bool IsZipCandidate(IngestInput input) =>
        input.Explicit || Path.GetExtension(input.Path).Equals(".zip", StringComparison.OrdinalIgnoreCase);

    public void Dispose()
    {
        try { _scratch.Delete(recursive: true); } catch (IOException) { }
    }
}
