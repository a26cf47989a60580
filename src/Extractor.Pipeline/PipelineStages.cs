using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Ocr;
using Extractor.Pdf.Reading;
using Extractor.Readers.Text;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Tables;
using Extractor.Sections;
using Extractor.Tables.Document;
using Extractor.Web;

namespace Extractor.Pipeline;

/// <summary>The concrete stage implementations a pipeline runs; swap any one in tests or experiments.</summary>
public sealed record PipelineStages
{
    public IReadOnlyList<IDocumentReader> Readers { get; init; } = [];
    public IDocumentTableExtractor? Tables { get; init; }
    public ICanonicalTableMapper? Mapper { get; init; }
    public ISectionRecognizer? Sections { get; init; }
    public IFactExtractor? Facts { get; init; }
    public ICheckRunner? Checks { get; init; }

    public static PipelineStages Default(ExtractionSettings? settings = null) => ReadersAndTables(settings) with
    {
        Mapper = new CanonicalTableMapper(),
        Sections = SectionRecognizer.WithModel(settings?.SectionModelPath),
        Facts = new FactExtractor(),
        Checks = new Extractor.Office.Bookmarks.BookmarkCheckRunner(new CheckRunner()),
    };

    /// <summary>Readers and the table finder only: what the document profile is read from, without the later stages.</summary>
    public static PipelineStages ReadersAndTables(ExtractionSettings? settings = null) => new()
    {
        Readers = [new PdfReaderStage(settings ?? new ExtractionSettings()), new TextFileReader(), new HtmlDocumentReader(),
            new Extractor.Office.Docx.DocxDocumentReader(), new Extractor.Office.Xlsx.XlsxDocumentReader(), new Extractor.Office.Legacy.LegacyOfficeReader()],
        Tables = new DocumentTableExtractor(),
    };

    public DocumentContent Read(string path, ReadLimits limits)
    {
        var mediaType = MediaTypeSniffer.Detect(path);
        var reader = Readers.FirstOrDefault(r => r.CanRead(mediaType))
                     ?? throw new ExtractionException("unsupported_format", $"unsupported format ({mediaType})");
        if (mediaType == HtmlDocumentReader.MediaType && MisnamedPage.NamedAsPdf(path)) MisnamedPage.Check(File.ReadAllBytes(path));
        return reader.Read(path, limits);
    }
}

/// <summary>
/// Adapts the PDF reader to the pipeline's reader interface; pages without a text layer go through OCR. This is where
/// the pipeline asks for OCR: without an OCR tool, scans fail fast (<see cref="OcrAvailability"/>); with one, the
/// document's deadline grows by <see cref="ExtractionSettings.OcrTimePerPage"/> for each page to read, and each page
/// read (each step of one, with PP-OCR) counts as progress.
/// </summary>
public sealed class PdfReaderStage(ExtractionSettings settings) : IDocumentReader
{
    public PdfReaderStage() : this(new ExtractionSettings()) { }

    public bool CanRead(string mediaType) => mediaType == "application/pdf";

    public DocumentContent Read(string path, ReadLimits limits)
    {
        var content = new PdfDocumentReader().Read(path, new PdfReadOptions { MaxPages = limits.MaxPages, Cancellation = limits.Cancellation, ParallelPages = limits.ParallelPages });
        var scanned = content.Pages.Where(p => p.LooksScanned).Select(p => p.Number).ToList();
        if (scanned.Count == 0) return content;
        if (OcrAvailability.Missing(settings.Ocr, settings.ToolPath) is { } missing) return OcrAvailability.WithoutOcr(content, scanned, settings.Ocr, missing);
        limits.Deadline?.Extend(settings.OcrTimePerPage * scanned.Count);
        // Under a deadline, the deadline stops a page that takes too long (a step of a single-document run may take
        // up to --timeout-s, on a busy machine more than a minute); a fixed 60 s a tool run otherwise.
        var perPage = limits.Deadline is null ? TimeSpan.FromSeconds(60) : ExtractionSettings.MaxTimeout;
        return ScannedPageReader.Apply(content, path, perPage, limits.Cancellation, engine: settings.Ocr, parallel: limits.ParallelPages,
            progress: limits.Deadline is { } d ? d.Progress : null);
    }
}
