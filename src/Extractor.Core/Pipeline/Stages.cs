using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;

namespace Extractor.Core.Pipeline;

/// <summary>Reads one file format into layout (pages, lines, words, rulings, native tables).</summary>
public interface IDocumentReader
{
    /// <summary>True when this reader handles the detected media type.</summary>
    bool CanRead(string mediaType);
    DocumentContent Read(string path, ReadLimits limits);
}

/// <param name="ParallelPages">a reader may use a second core for one document (one document at a time, not ingest's workers)</param>
public sealed record ReadLimits(int MaxPages = 2000, CancellationToken Cancellation = default, bool ParallelPages = false)
{
    /// <summary>The document's time limit, when the caller has one a reader may extend (pages to OCR) or restart on progress.</summary>
    public Deadline? Deadline { get; init; }
}

/// <summary>Finds the raw tables of a whole document: per-page regions, stitched across pages, with captions.</summary>
public interface IDocumentTableExtractor
{
    IReadOnlyList<RawTable> Extract(DocumentContent document);
}

/// <summary>Gives raw tables their canonical id, columns and rows (SCHEMA §1–2).</summary>
public interface ICanonicalTableMapper
{
    IReadOnlyList<ReportTable> Map(DocumentContent document, IReadOnlyList<RawTable> tables, ReportDocument profile);
}

/// <summary>Finds headings and gives each section its SCHEMA §3 id.</summary>
public interface ISectionRecognizer
{
    IReadOnlyList<Section> Recognize(DocumentContent document, ReportDocument profile);
}

/// <summary>SCHEMA §4 facts from canonical tables first, then from the explanation text.</summary>
public interface IFactExtractor
{
    IReadOnlyList<Fact> Extract(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Section> sections, List<string> warnings);
}

/// <summary>SCHEMA §5 勾稽 checks over the tables, facts and text.</summary>
public interface ICheckRunner
{
    IReadOnlyList<Check> Run(DocumentContent document, ReportDocument profile, IReadOnlyList<ReportTable> tables,
        IReadOnlyList<Fact> facts, IReadOnlyList<Section> sections);
}
