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
            ZipExpansion expansion;
            try
            {
                expansion = ZipAttachments.Expand(input.Path, Path.Combine(_scratch.FullName, (n++).ToString()), foundOn: input.Source ?? input.Path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                Console.Error.WriteLine($"{input.Path}: bad_archive: {e.Message}");
                continue;
            }
            foreach (var skipped in expansion.Skipped) Console.Error.WriteLine($"{input.Path}: skipped {skipped}");
            foreach (var m in expansion.Members)
                yield return new IngestInput(m.ExtractedPath, Explicit: IngestInputs.IsSupported(m.EntryName))
                {
                    Source = $"{input.Source ?? input.Path}!{m.EntryName}",
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
