using Extractor.Core.Tables;

namespace Extractor.Core.Layout;

/// <summary>
/// The reader stage's output for any format. PDFs fill <see cref="Pages"/> (tables are found later from
/// words and rulings); text, HTML, Word and Excel readers also fill <see cref="NativeTables"/> with the
/// tables their format states outright.
/// </summary>
public sealed record DocumentContent(
    string Sha256,
    string Source,
    string MediaType,
    IReadOnlyList<PageContent> Pages,
    IReadOnlyList<OutlineEntry> Outline,
    IReadOnlyDictionary<string, string> Info)
{
    public IReadOnlyList<RawTable> NativeTables { get; init; } = [];

    /// <summary>Element paths (HTML/DOCX) per line, parallel to each page's Lines; empty for PDFs.</summary>
    public IReadOnlyDictionary<(int Page, int Line), string> LinePaths { get; init; } =
        new Dictionary<(int Page, int Line), string>();

    /// <summary>Parts the reader could not read (scanned pages without an OCR tool): the report is partial.</summary>
    public IReadOnlyList<Report.StageFailure> Unread { get; init; } = [];
}
