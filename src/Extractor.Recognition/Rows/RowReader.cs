using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Rows;

/// <summary>
/// Turns a table's body into canonical rows: one row per segment (side or column group) per printed
/// line, code split from name, amounts as decimals, wrapped names joined onto the row they continue,
/// footers (注：…) ending the body. Provenance is the page and the bbox of the printed cells.
/// </summary>
public static class RowReader
{
    private sealed class Draft
    {
        public string? Code;
        public string Label = string.Empty;
        public string? Side;
        public string? Group;
        public readonly Dictionary<string, decimal> Values = [];
        /// <summary>Where each value was printed: the figure's own box (or the cell's path).</summary>
        public readonly Dictionary<string, Provenance> Cells = [];
        public int Page;
        public int? Level;
        public Box? Box;
        /// <summary>The element path of the row's first cell, for formats without geometry (HTML, DOCX, XLSX).</summary>
        public string? Path;
        /// <summary>类/款/项 parts as printed, when they did not make a whole code on their own.</summary>
        public List<string>? CodeParts;
        public string? BudgetUnit;
    }

    public static List<ReportRow> Read(TableGrid grid, ColumnLayout layout, string tableId, int startRow = -1)
    {
        var twoSided = TableIds.IsTwoSided(tableId) && layout.Segments.Count >= 2;
        var drafts = new List<Draft>();
        var lastBySegment = new Dictionary<int, Draft>();
        var lastCodeBySegment = new Dictionary<int, string>();
        string? budgetUnit = null;
        for (var r = startRow >= 0 ? startRow : layout.BodyStart; r < grid.RowCount; r++)
        {
            var texts = HeaderReader.RowTexts(grid, r);
            var firstText = texts.FirstOrDefault(t => t.Length > 0);
            if (firstText is null || CellKinds.IsColumnNumberRow(texts)) continue;
            if (CellKinds.IsFooter(firstText)) break;
            if (IsPairRow(grid, layout, r)) { drafts.AddRange(ReadPairs(grid, layout, r, twoSided)); continue; }
            foreach (var seg in layout.Segments)
            {
                var d = ReadSegment(grid, layout, seg, r);
                if (d is null) continue;
                if (d.CodeParts is { } parts) d.Code = CodeLabel.Complete(parts, lastCodeBySegment.GetValueOrDefault(seg.Index));
                // A unit's name printed on its first row only holds for the rows below it.
                // A 合计 line outside the units' blocks is the table's, not the last unit's.
                if (d.BudgetUnit is not null) budgetUnit = d.BudgetUnit;
                else if (!CellKinds.IsTotalLabel(d.Label)) d.BudgetUnit = budgetUnit;
                if (d.Code is not null) lastCodeBySegment[seg.Index] = d.Code;
                if (twoSided) { d.Side = seg.Index == 0 ? "income" : "expenditure"; if (layout.Segments.Count > 2 && seg.Index > 0) d.Group = seg.GroupName; }
                else if (layout.Segments.Count > 1) d.Group = seg.GroupName ?? $"group{seg.Index + 1}";
                if (IsContinuation(d, lastBySegment.GetValueOrDefault(seg.Index)))
                {
                    var prev = lastBySegment[seg.Index];
                    prev.Label = TextNormalizer.Join(prev.Label, d.Label);
                    continue;
                }
                drafts.Add(d);
                lastBySegment[seg.Index] = d;
            }
        }
        return drafts.Select(ToRow).ToList();
    }

    private static Draft? ReadSegment(TableGrid grid, ColumnLayout layout, Segment seg, int r)
    {
        var d = new Draft { Page = grid.Raw.Rows[r].Page };
        var labels = new List<string>();
        var codeParts = new List<string>();
        var boxes = new List<Box>();
        foreach (var col in layout.In(seg))
        {
            var cell = grid.Cell(r, col.Index);
            var own = grid.IsOrigin(r, col.Index);
            var text = own ? cell.Text.Trim() : string.Empty;
            if (own && cell.Box is { } b && text.Length > 0) boxes.Add(b);
            if (own && text.Length > 0) d.Path ??= RowPath(cell.Path);
            switch (col.Role)
            {
                case ColumnRole.Code:
                    if (CellKinds.IsCode(text)) d.Code = text; else if (text.Length > 0) labels.Add(text);
                    break;
                case ColumnRole.CodePart:
                    // 合计 printed across the 类/款/项 columns is the row's name, not a code part.
                    if (text is "类" or "款" or "项") break; // the header's 类/款/项 printed on the 合计 row
                    if (text.Length > 0 && !text.All(char.IsAsciiDigit)) labels.Add(text); else codeParts.Add(text);
                    break;
                case ColumnRole.Label:
                    if (text.Length > 0) labels.Add(text);
                    break;
                case ColumnRole.BudgetUnit:
                    // Merged down over the unit's rows: the name printed once belongs to each of them.
                    var unit = TextNormalizer.Compact(cell.Text);
                    if (unit.Length > 0) d.BudgetUnit = unit;
                    break;
                case ColumnRole.Ignored:
                    // 序号 一/二/三 marks the top items of a list, 1/2/3 the items under them.
                    if (text.Length > 0 && text.All(ch => "一二三四五六七八九十".Contains(ch))) d.Level = 1;
                    else if (text.Length > 0 && text.All(char.IsAsciiDigit)) d.Level = 2;
                    break;
                case ColumnRole.Value:
                    if (!own) break;
                    var v = AmountParser.Parse(text.EndsWith('%') ? text[..^1] : text);
                    if (v is not null && col.Name.Length > 0)
                    {
                        d.Values[col.Name] = v.Value;
                        d.Cells[col.Name] = CellSource(cell, d.Page);
                    }
                    else if (v is null && text.Length > 0 && labels.Count == 0 && d.Code is null && col.Index == seg.First) labels.Add(text);
                    break;
            }
        }
        if (codeParts.Count > 0) d.Code ??= CodeLabel.Join(codeParts);
        if (d.Code is null && codeParts.Any(p => p.Length > 0)) d.CodeParts = codeParts;
        var label = string.Concat(labels);
        if (d.Code is null)
        {
            var (code, rest) = CodeLabel.Split(label);
            if (code is not null) { d.Code = code; label = rest; }
        }
        d.Label = label;
        d.Box = boxes.Count > 0 ? Box.Of(boxes) : grid.Raw.Rows[r].Box;
        return d.Code is null && d.Label.Length == 0 && d.Values.Count == 0 ? null : d;
    }

    /// <summary>
    /// A name printed on its own line below a coded row, with no code and no amounts, continues that
    /// row's name (cells wrapped by the table finder into two lines). Ordinal items and totals never do.
    /// </summary>
    private static bool IsContinuation(Draft d, Draft? prev) =>
        prev is not null && prev.Code is not null && d.Code is null && d.Values.Count == 0 && d.Label.Length > 0
        && !CellKinds.StartsWithOrdinal(d.Label) && !CellKinds.IsTotalLabel(d.Label) && d.Label.Length <= 20;

    /// <summary>
    /// A totals line whose name cell spans across its segment's amount column (人员经费合计 78.56
    /// 公用经费合计 26.50 under three column groups): read as name/amount pairs instead.
    /// </summary>
    private static bool IsPairRow(TableGrid grid, ColumnLayout layout, int r)
    {
        if (layout.Segments.Count < 2) return false;
        foreach (var seg in layout.Segments)
        {
            var labelCol = layout.In(seg).FirstOrDefault(c => c.Role is ColumnRole.Label or ColumnRole.Code);
            if (labelCol is null || !grid.IsOrigin(r, labelCol.Index)) continue;
            var span = grid.SpanOf(r, labelCol.Index);
            if (labelCol.Index + span - 1 > seg.Last || layout.In(seg).Any(c => c.Role == ColumnRole.Value && c.Index < labelCol.Index + span))
                return true;
        }
        return false;
    }

    private static IEnumerable<Draft> ReadPairs(TableGrid grid, ColumnLayout layout, int r, bool twoSided)
    {
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var text = grid.OwnText(r, c);
            if (text.Length == 0 || AmountParser.IsAmount(text)) continue;
            var next = c + grid.SpanOf(r, c);
            while (next < grid.ColumnCount && grid.OwnText(r, next).Length == 0 && !grid.IsOrigin(r, next)) next++;
            var value = next < grid.ColumnCount ? AmountParser.Parse(grid.OwnText(r, next)) : null;
            var seg = layout.Segments.LastOrDefault(s => s.First <= c) ?? layout.Segments[0];
            var valueCol = next < grid.ColumnCount ? layout.Columns[next] : null;
            var d = new Draft { Label = TextNormalizer.Compact(text), Page = grid.Raw.Rows[r].Page, Box = grid.Cell(r, c).Box ?? grid.Raw.Rows[r].Box, Path = RowPath(grid.Cell(r, c).Path) };
            if (value is not null && valueCol is not null && valueCol.Name.Length > 0)
            {
                d.Values[valueCol.Name] = value.Value;
                d.Cells[valueCol.Name] = CellSource(grid.Cell(r, next), d.Page);
            }
            var group = GroupFromLabel(d.Label) ?? seg.GroupName;
            if (twoSided) d.Side = seg.Index == 0 ? "income" : "expenditure"; else d.Group = group;
            yield return d;
        }
    }

    private static string? GroupFromLabel(string label) =>
        label.StartsWith("人员经费") ? "人员经费" : label.StartsWith("公用经费") ? "公用经费" : null;

    private static ReportRow ToRow(Draft d) => new()
    {
        Code = d.Code,
        Label = d.Label,
        Level = CodeLabel.Level(d.Code) ?? d.Level,
        Side = d.Side,
        Group = d.Group,
        Values = d.Values,
        Provenance = new Provenance { Page = d.Page, Bbox = d.Box is { } b && b != default ? b.ToArray() : null, Path = d.Path },
        BudgetUnit = d.BudgetUnit,
        Cells = d.Cells.Count > 0 && d.Cells.Values.Any(c => c.Bbox is not null || c.Path is not null) ? d.Cells : null,
    };

    /// <summary>A value's own position: the box of its printed text (else its slot), or its element path.</summary>
    private static Provenance CellSource(Core.Tables.RawCell cell, int page) => new()
    {
        Page = page,
        Bbox = (cell.Ink ?? cell.Box) is { } b && b != default ? b.ToArray() : null,
        Path = cell.Path,
    };

    /// <summary>A cell's path names its row: drop the last step (the cell) so the path points at the table row.</summary>
    private static string? RowPath(string? cellPath)
    {
        if (string.IsNullOrEmpty(cellPath)) return null;
        var cut = cellPath.LastIndexOfAny(['/', '>']);
        return cut > 0 ? cellPath[..cut].TrimEnd(' ', '>') : cellPath;
    }
}
