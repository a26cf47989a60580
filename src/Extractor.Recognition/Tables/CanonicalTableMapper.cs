using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Recognition.Rows;

namespace Extractor.Recognition.Tables;

/// <summary>
/// SCHEMA §1–2 for every raw table: id, title, unit, columns and rows. A raw table with neither title nor
/// header and the previous table's width continues that table (tables run over pages without repeating
/// their header); one whose header repeats the previous header without a new title does too.
/// </summary>
public sealed class CanonicalTableMapper : ICanonicalTableMapper
{
    private sealed class Draft
    {
        public required string Id;
        public string? Title;
        public int PageStart, PageEnd;
        public string? Unit;
        public required ColumnLayout Layout;
        public int Width;
        public readonly List<ReportRow> Rows = [];
        public readonly List<Box> Boxes = [];
        public string? Method;
    }

    public IReadOnlyList<ReportTable> Map(DocumentContent document, IReadOnlyList<RawTable> tables, ReportDocument profile)
    {
        var drafts = new List<Draft>();
        foreach (var table in tables)
        {
            if (table.Rows.Count == 0) continue;
            var ocr = IsOcr(document, table);
            var raw = ocr ? OcrTextRepair.Repair(table) : table;
            var grid = new TableGrid(raw);
            var layout = HeaderReader.Read(grid);
            var title = TableClassifier.Title(layout.CaptionLines);
            var prev = drafts.LastOrDefault();
            if (title is null && layout.HasHeader && (prev is null || !layout.HeaderTexts.SequenceEqual(prev.Layout.HeaderTexts)))
            {
                // A table with its own header but no caption: its title is printed just above it (or on the page before).
                var found = CaptionFinder.Find(document, raw);
                if (ocr) found = found.Select(OcrTextRepair.Title).ToList();
                if (TableClassifier.Title(found) is { } t) { title = t; layout = layout with { CaptionLines = [.. layout.CaptionLines, .. found] }; }
            }
            var cls = TableClassifier.Classify(layout.CaptionLines, layout.HeaderTexts, profile.Kind);
            if (prev is not null && title is null && IsContinuation(prev, layout, raw, cls.Id))
            {
                // Same columns: read with the first part's names; a new header of its own (the header row was
                // all the first page held) is read as printed.
                var continued = layout.HasHeader && (raw.ColumnCount != prev.Width || prev.Rows.Count == 0)
                    ? layout : prev.Layout with { BodyStart = layout.BodyStart };
                prev.Rows.AddRange(RowReader.Read(grid, continued, prev.Id, layout.BodyStart));
                prev.PageEnd = Math.Max(prev.PageEnd, raw.PageEnd);
                if (raw.Box is { } b) prev.Boxes.Add(b);
                continue;
            }
            var rows = RowReader.Read(grid, layout, cls.Id);
            // Neither named nor holding amounts (a list of member units, a cover box): not a table of the report.
            if (title is null && cls.Id.EndsWith(".x_table") && (!layout.HasHeader || rows.All(r => r.Values.Count == 0))) continue;
            var d = new Draft
            {
                Id = cls.Id, Title = cls.Title, PageStart = raw.PageStart, PageEnd = raw.PageEnd, Layout = layout,
                Width = raw.ColumnCount, Unit = layout.Unit ?? prev?.Unit ?? profile.Unit, Method = raw.Method,
            };
            d.Rows.AddRange(rows);
            if (raw.Box is { } box) d.Boxes.Add(box);
            drafts.Add(d);
        }
        return drafts.Select(ToTable).ToList();
    }

    /// <summary>Read from a page image (TextConfidence below 1): its text may be garbled and is mended first.</summary>
    private static bool IsOcr(DocumentContent document, RawTable raw) =>
        document.Pages.Any(p => p.Number >= raw.PageStart && p.Number <= raw.PageEnd && p.TextConfidence < 1);

    private static bool IsContinuation(Draft prev, ColumnLayout layout, RawTable raw, string id)
    {
        if (raw.PageStart < prev.PageEnd || raw.PageStart > prev.PageEnd + 1) return false;
        if (prev.Rows.Count == 0 && id.Contains(".x_table")) return true; // the previous part was its header alone
        if (raw.ColumnCount != prev.Width) return false;
        if (!layout.HasHeader) return true;
        return layout.HeaderTexts.SequenceEqual(prev.Layout.HeaderTexts);
    }

    private static ReportTable ToTable(Draft d) => new()
    {
        Id = d.Id,
        Title = d.Title,
        PageStart = d.PageStart,
        PageEnd = d.PageEnd,
        Unit = d.Unit,
        Columns = d.Layout.Columns.Where(c => c.Role == ColumnRole.Value && c.Name.Length > 0).Select(c => c.Name).Distinct().ToList(),
        Rows = d.Rows,
        Bbox = d.Boxes.Count > 0 ? Box.Of(d.Boxes).ToArray() : null,
        Method = d.Method,
    };
}
