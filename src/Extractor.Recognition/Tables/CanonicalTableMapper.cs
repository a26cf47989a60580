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
        /// <summary>Columns a wide table prints on the next page (its right part): appended to the first part's.</summary>
        public readonly List<string> ExtraColumns = [];
        /// <summary>The raw rows' boxes by page: the table's region on each page it covers.</summary>
        public readonly SortedDictionary<int, Box> PageBoxes = [];
        public string? Method;
        /// <summary>A performance form (read by PerformanceFormReader): its indicator grid's columns, once seen.</summary>
        public bool IsForm;
        public FormGrid? Form;

        public void Cover(RawTable raw)
        {
            foreach (var row in raw.Rows)
                if (row.Box is { } b && b != default)
                    PageBoxes[row.Page] = PageBoxes.TryGetValue(row.Page, out var had) ? had.Union(b) : b;
        }
    }

    public IReadOnlyList<ReportTable> Map(DocumentContent document, IReadOnlyList<RawTable> tables, ReportDocument profile)
    {
        var drafts = new List<Draft>();
        foreach (var table in tables)
        {
            if (table.Rows.Count == 0) continue;
            var mend = NeedsOcrMending(document, table);
            var raw = mend ? OcrTextRepair.Repair(table) : table;
            var grid = new TableGrid(raw);
            var layout = HeaderReader.Read(grid);
            // The title as the table's reader found it (Extractor.Tables' caption reader for PDFs, the markup for the rest).
            var title = raw.Title ?? TableCaption.Title(layout.CaptionLines);
            var prev = drafts.LastOrDefault();
            var fromImage = ReadFromImage(document, raw);
            var cls = TableClassifier.Classify(title, layout.CaptionLines, layout.HeaderTexts, profile.Kind, fromImage);
            // A performance form goes on over the next page (its grid with or without its header; the same title
            // printed again over each page of one form): read as the rest of the same form.
            if (prev is { IsForm: true } && raw.PageStart >= prev.PageEnd && raw.PageStart <= prev.PageEnd + 1
                && (title is null || title == prev.Title && cls.Id == prev.Id)
                && PerformanceFormReader.Read(grid, prev.Title, prev.Form, LastProject(prev), continuation: true, fromImage: fromImage) is { } more)
            {
                prev.Rows.AddRange(more.Rows);
                prev.Form = more.Grid ?? prev.Form;
                prev.PageEnd = Math.Max(prev.PageEnd, raw.PageEnd);
                if (raw.Box is { } fb) prev.Boxes.Add(fb);
                prev.Cover(raw);
                continue;
            }
            if (Meaning.TableFamilies.IsForm(cls.Id) && PerformanceFormReader.Read(grid, cls.Title, fromImage: fromImage) is { } form)
            {
                var f = new Draft
                {
                    Id = cls.Id, Title = cls.Title, PageStart = raw.PageStart, PageEnd = raw.PageEnd, Layout = layout,
                    // The form's own label (项目资金(万元)) before the unit of the table printed above it.
                    Width = raw.ColumnCount, Unit = layout.Unit ?? PerformanceFormReader.DeclaredUnit(grid) ?? prev?.Unit ?? profile.Unit, Method = raw.Method,
                    IsForm = true, Form = form.Grid,
                };
                f.Rows.AddRange(form.Rows);
                if (raw.Box is { } formBox) f.Boxes.Add(formBox);
                f.Cover(raw);
                drafts.Add(f);
                continue;
            }
            if (prev is not null && title is null && IsContinuation(prev, layout, raw, cls.Id))
            {
                // Same columns: read with the first part's names; a new header of its own (the header row was
                // all the first page held) is read as printed.
                var continued = layout.HasHeader && (raw.ColumnCount != prev.Width || prev.Rows.Count == 0)
                    ? layout : prev.Layout with { BodyStart = layout.BodyStart };
                prev.Rows.AddRange(RowReader.Read(grid, continued, prev.Id, layout.BodyStart));
                prev.PageEnd = Math.Max(prev.PageEnd, raw.PageEnd);
                if (raw.Box is { } b) prev.Boxes.Add(b);
                prev.Cover(raw);
                continue;
            }
            var rows = RowReader.Read(grid, layout, cls.Id);
            if (prev is not null && ColumnContinuation(prev, layout, rows, raw, cls.Id) is { } matched)
            {
                // A table too wide for its page goes on with its right-hand columns on the next page, for the same rows.
                var names = ContinuedNames(ValueColumns(prev.Layout).Concat(prev.ExtraColumns).ToList(), ValueColumns(layout).ToList());
                for (var i = 0; i < rows.Count; i++)
                    foreach (var (column, value) in rows[i].Values) matched[i].Values.TryAdd(names.GetValueOrDefault(column, column), value);
                prev.ExtraColumns.AddRange(ValueColumns(layout).Select(c => names.GetValueOrDefault(c, c)).Where(c => !prev.ExtraColumns.Contains(c)));
                prev.PageEnd = Math.Max(prev.PageEnd, raw.PageEnd);
                prev.Cover(raw);
                continue;
            }
            // Neither named nor holding amounts (a list of member units, a cover box): not a table of the report.
            if (title is null && cls.Id.EndsWith(".x_table") && (!layout.HasHeader || rows.All(r => r.Values.Count == 0))) continue;
            var d = new Draft
            {
                Id = cls.Id, Title = cls.Title, PageStart = raw.PageStart, PageEnd = raw.PageEnd, Layout = layout,
                Width = raw.ColumnCount, Unit = layout.Unit ?? prev?.Unit ?? profile.Unit, Method = raw.Method,
            };
            d.Rows.AddRange(rows);
            if (raw.Box is { } box) d.Boxes.Add(box);
            d.Cover(raw);
            drafts.Add(d);
        }
        var year = Profile.ReportYear.Of(document, profile);
        return drafts.Select(d => Meaning.TableMeaning.Assign(ToTable(d), year)).ToList();
    }

    private static ReportRow? LastProject(Draft d) => d.Rows.LastOrDefault(r => r.Is(Meaning.PerformanceFields.ProjectRow));

    /// <summary>Read from a page image by an engine whose misreadings the vocabulary mends (<see cref="OcrMending"/>).</summary>
    private static bool NeedsOcrMending(DocumentContent document, RawTable raw) => PagesOf(document, raw).Any(OcrMending.Applies);

    /// <summary>Read from a page image (TextConfidence below 1), by any engine: its title may carry a misread glyph.</summary>
    private static bool ReadFromImage(DocumentContent document, RawTable raw) => PagesOf(document, raw).Any(p => p.TextConfidence < 1);

    private static IEnumerable<PageContent> PagesOf(DocumentContent document, RawTable raw) =>
        document.Pages.Where(p => p.Number >= raw.PageStart && p.Number <= raw.PageEnd);

    private static IEnumerable<string> ValueColumns(ColumnLayout layout) =>
        layout.Columns.Where(c => c.Role == ColumnRole.Value && c.Name.Length > 0).Select(c => c.Name).Distinct();

    /// <summary>
    /// The right-hand part of a table too wide for its page: on the next page, a header of columns the first part
    /// does not have, and rows that print figures only (no code, no name), one for each row of the first part's
    /// last page (matched by their height on the page, else in order). Returns the first part's rows they continue.
    /// </summary>
    private static List<ReportRow>? ColumnContinuation(Draft prev, ColumnLayout layout, List<ReportRow> rows, RawTable raw, string id)
    {
        if (raw.PageStart != prev.PageEnd + 1 || !layout.HasHeader || rows.Count == 0) return null;
        if (!id.EndsWith(".x_table") && id != prev.Id) return null;
        if (rows.Any(r => r.Code is not null || r.Label.Length > 0 || r.Values.Count == 0)) return null;
        var columns = ValueColumns(layout).ToList();
        var had = ValueColumns(prev.Layout).Concat(prev.ExtraColumns).ToHashSet();
        if (columns.Count == 0 || columns.Any(had.Contains)) return null;
        var before = prev.Rows.Where(r => r.Provenance?.Page == prev.PageEnd).ToList();
        var byHeight = rows.Select(r => before.Where(b => SameLine(b, r)).ToList()).ToList();
        if (byHeight.All(m => m.Count == 1) && byHeight.Select(m => m[0]).Distinct().Count() == rows.Count) return byHeight.Select(m => m[0]).ToList();
        return before.Count == rows.Count ? before : null;
    }

    /// <summary>
    /// A group header cut by the page edge is not printed again: the continuation's first columns printed without a
    /// group, where its later columns have groups of their own, are the rest of the first part's last group
    /// (本年收入/… | 其他收入 on the next page, then 上年结转结余/…).
    /// </summary>
    private static Dictionary<string, string> ContinuedNames(List<string> before, List<string> after)
    {
        var names = new Dictionary<string, string>();
        var last = before.Count > 0 ? before[^1] : "";
        var cut = last.LastIndexOf('/');
        if (cut <= 0 || !after.Any(c => c.Contains('/'))) return names;
        foreach (var c in after.TakeWhile(c => !c.Contains('/'))) names[c] = last[..cut] + "/" + c;
        return names;
    }

    private static bool SameLine(ReportRow a, ReportRow b) =>
        a.Provenance?.Bbox is { } x && b.Provenance?.Bbox is { } y && Math.Abs((x[1] + x[3]) / 2 - (y[1] + y[3]) / 2) < Math.Min(x[3] - x[1], y[3] - y[1]) / 2;

    private static bool IsContinuation(Draft prev, ColumnLayout layout, RawTable raw, string id)
    {
        if (raw.PageStart < prev.PageEnd || raw.PageStart > prev.PageEnd + 1) return false;
        if (prev.Rows.Count == 0 && id.Contains(".x_table")) return true; // the previous part was its header alone
        if (raw.ColumnCount != prev.Width) return false;
        if (!layout.HasHeader) return true;
        return layout.HeaderTexts.SequenceEqual(prev.Layout.HeaderTexts);
    }

    /// <summary>A form's columns: every field its rows print, figures and words, in the order first printed.</summary>
    private static List<string> FormColumns(Draft d) =>
        d.Rows.SelectMany(r => r.Values.Keys.Concat(r.Texts?.Keys ?? Enumerable.Empty<string>())).Distinct().ToList();

    private static ReportTable ToTable(Draft d) => new()
    {
        Id = d.Id,
        Title = d.Title,
        PageStart = d.PageStart,
        PageEnd = d.PageEnd,
        Unit = d.Unit,
        Columns = d.IsForm ? FormColumns(d) : ValueColumns(d.Layout).Concat(d.ExtraColumns).Distinct().ToList(),
        Rows = d.Rows,
        Bbox = d.Boxes.Count > 0 ? Box.Of(d.Boxes).ToArray() : null,
        Method = d.Method,
        Regions = d.PageBoxes.Select(kv => new TableRegion(kv.Key, kv.Value.ToArray())).ToList(),
    };
}
