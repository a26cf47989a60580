using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Ocr;
using Extractor.Pdf.Reading;

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

    public static PipelineStages Default() => new()
    {
        Readers = [new PdfReaderStage()],
    };

    public DocumentContent Read(string path, ReadLimits limits)
    {
        var mediaType = MediaTypeSniffer.Detect(path);
        var reader = Readers.FirstOrDefault(r => r.CanRead(mediaType))
                     ?? throw new ExtractionException("unsupported_format", $"unsupported format ({mediaType})");
        return reader.Read(path, limits);
    }
}

/// <summary>Adapts the PDF reader to the pipeline's reader interface; pages without a text layer go through OCR.</summary>
public sealed class PdfReaderStage : IDocumentReader
{
    public bool CanRead(string mediaType) => mediaType == "application/pdf";

    public DocumentContent Read(string path, ReadLimits limits)
    {
        var content = new PdfDocumentReader().Read(path, new PdfReadOptions { MaxPages = limits.MaxPages, Cancellation = limits.Cancellation });
        return ScannedPageReader.Apply(content, path, TimeSpan.FromSeconds(60), limits.Cancellation);
    }
}
