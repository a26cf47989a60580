using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Tables.Document;

/// <summary>
/// A table that ends at the foot of its page continues in the first table of the next page when that
/// one starts at the head of the page with no title of its own and the same columns. A header repeated
/// at the top of the continuation is dropped. A sheet too wide for its page that goes on to the right on the next
/// page (other columns for the same rows) is left as two tables: the canonical mapping joins its columns to the rows
/// they continue and carries a group header cut at the page edge over to them (one decision, made there). A form printed
/// again for another subject (the same labels in the same places, other values: one project's 绩效目标表 per page) is a
/// new table, not the rest of the one before.
/// </summary>
public sealed class CrossPageStitcher : ITableStitcher
{
    public IReadOnlyList<RawTable> Stitch(IReadOnlyList<RawTable> tables, IReadOnlyList<PageContent> pages)
    {
        var byNumber = pages.ToDictionary(p => p.Number);
        var result = new List<RawTable>();
        foreach (var t in tables)
        {
            if (result.Count > 0 && Continues(result[^1], t, byNumber, tables) is { } grid)
                result[^1] = Join(result[^1], t, grid);
            else result.Add(t);
        }
        return result;
    }

    /// <summary>The column lines both parts share (null when the next table does not continue this one).</summary>
    private static List<double>? Continues(RawTable prev, RawTable next, Dictionary<int, PageContent> pages, IReadOnlyList<RawTable> all)
    {
        if (next.PageStart != prev.PageEnd + 1 || next.Rows.Count == 0) return null;
        var grid = CommonColumns(prev, next);
        if (grid is null) return null;
        if (AnotherCopy(prev, next)) return null;
        return Follows(prev, next, pages, all) ? grid : null;
    }

    /// <summary>
    /// The next part prints the first part's labels again, in the same places, with other values: past any header
    /// lines repeated whole, the next lines (at least <see cref="CopyLines"/>) each keep most of the words of the
    /// first part's line of the same rank. A table running on prints other lines there (the next rows of its body);
    /// a form printed once per subject (a project's field block: 项目名称 | …, 主管部门 | …, 项目资金 | …) prints the
    /// same labels beside another subject's values.
    /// </summary>
    private static bool AnotherCopy(RawTable prev, RawTable next)
    {
        var from = RepeatedHeader(prev, next);
        var n = Math.Min(Math.Min(prev.Rows.Count, next.Rows.Count) - from, CopyLines + 1);
        if (n < CopyLines) return false;
        var same = 0;
        for (var i = from; i < from + n; i++)
        {
            var a = Words(prev.Rows[i]);
            var b = Words(next.Rows[i]);
            var shared = a.Keys.Count(k => b.TryGetValue(k, out var t) && t == a[k]);
            if (a.Count >= 2 && shared * 2 > Math.Max(a.Count, b.Count)) same++;
            else break;
        }
        return same >= CopyLines && Enumerable.Range(from, n).Any(i => RowText(prev.Rows[i]) != RowText(next.Rows[i]));
    }

    /// <summary>How many lines in a row must repeat the first part's labels for the next part to be another copy.</summary>
    private const int CopyLines = 3;

    /// <summary>A row's words that are not figures, by the column they start in.</summary>
    private static Dictionary<int, string> Words(RawRow row)
    {
        var words = new Dictionary<int, string>();
        for (var c = 0; c < row.Cells.Count; c++)
            if (TextNormalizer.Compact(row.Cells[c].Text) is { Length: > 0 } t && !t.Any(char.IsDigit)) words[c] = t;
        return words;
    }

    /// <summary>The vertical extent of a row: its own box, or the boxes of its cells that span no further rows.</summary>
    private static Box? Extent(RawRow row)
    {
        var boxes = row.Cells.Where(c => !c.IsCovered && c.RowSpan == 1 && c.Box is not null).Select(c => c.Box!.Value).ToList();
        return row.Box ?? (boxes.Count > 0 ? Box.Of(boxes) : null);
    }

    private static bool Follows(RawTable prev, RawTable next, Dictionary<int, PageContent> pages, IReadOnlyList<RawTable> all)
    {
        if (!pages.TryGetValue(prev.PageEnd, out var prevPage) || !pages.TryGetValue(next.PageStart, out var nextPage)) return false;
        var lastBox = Extent(prev.Rows[^1]) ?? prev.Box;
        if (lastBox is not { } lb || next.Box is not { } nb) return false;
        // Nothing but a page number or footer below the first part…
        if (prevPage.Lines.Count(l => l.Box.Top < lb.Bottom - 1 && !Furniture(l, prevPage)) > 0) return false;
        if (all.Any(o => o.PageStart == prev.PageEnd && o != prev && o.Box is { } ob && ob.Top < lb.Bottom)) return false;
        // …and nothing but a repeated title or unit line above the second.
        if (all.Any(o => o.PageStart == next.PageStart && o != next && o.Box is { } ob && ob.Bottom > nb.Top)) return false;
        var above = nextPage.Lines.Where(l => l.Box.Bottom > nb.Top - 1 && !Furniture(l, nextPage)).ToList();
        var title = prev.Caption.Select(TextNormalizer.Compact).ToHashSet();
        return !above.Any(l => !title.Contains(TextNormalizer.Compact(l.Text)) && !IsUnitLine(l.Text));
    }

    /// <summary>Page numbers and running heads/footers: short lines in the outer margins.</summary>
    private static bool Furniture(TextLine l, PageContent page) =>
        (l.Box.Top < 0.1 * page.Height || l.Box.Bottom > 0.93 * page.Height) && l.Text.Length <= 20
        || l.Text.Trim('-', '—', ' ', '第', '页').All(char.IsDigit);

    private static bool IsUnitLine(string text)
    {
        var t = TextNormalizer.Compact(text);
        return t.Contains("单位:") || t.Contains("单位:") || t.StartsWith("续") || t.Length <= 3;
    }

    /// <summary>
    /// Column lines within a few points of each other: one table printed on two pages. A part may split a
    /// column the other keeps whole (类/款/项 under one 科目编码), so one set may be a subset of the other; and a
    /// part may lack the columns at one side, where cells running on from the page before draw no column lines (a
    /// performance-target form whose project cells span pages rules only its indicator columns on the next page).
    /// </summary>
    private static List<double>? CommonColumns(RawTable a, RawTable b)
    {
        var xa = Borders(a);
        var xb = Borders(b);
        if (xa is null || xb is null) return a.ColumnCount == b.ColumnCount && (xa is null) == (xb is null) ? [] : null;
        var (fine, coarse) = xa.Count >= xb.Count ? (xa, xb) : (xb, xa);
        bool Near(double x, double y) => Math.Abs(x - y) <= 6;
        var sameLeft = Near(fine[0], coarse[0]);
        var sameRight = Near(fine[^1], coarse[^1]);
        if (!sameLeft && !sameRight || !(sameLeft && sameRight) && coarse.Count < 4) return null;
        return coarse.All(x => fine.Any(f => Near(f, x))) ? fine : null;
    }

    /// <summary>Column lines of a ruled table: every slot of a lattice row keeps its box, covered ones too.</summary>
    private static List<double>? Borders(RawTable t)
    {
        if (t.Method != TableMethods.Lattice || t.Rows.Count == 0) return null;
        var cells = t.Rows[0].Cells;
        if (cells.All(c => c.Box is not null)) return cells.Select(c => c.Box!.Value.Left).Append(cells[^1].Box!.Value.Right).ToList();
        // A first row whose covered slots carry no box: each column's left edge as most of the first rows where a cell
        // starts in it print it, the right edge from the cells that end those rows.
        var lefts = new List<double>[t.ColumnCount];
        var right = double.MinValue;
        foreach (var row in t.Rows.Take(40))
            for (var c = 0; c < row.Cells.Count && c < lefts.Length; c++)
            {
                if (row.Cells[c] is not { IsCovered: false, Box: { } b } cell) continue;
                (lefts[c] ??= []).Add(Math.Round(b.Left));
                if (c + cell.ColSpan >= t.ColumnCount) right = Math.Max(right, b.Right);
            }
        if (lefts.Any(l => l is null) || right == double.MinValue) return null;
        var borders = lefts.Select(l => l.GroupBy(x => x).MaxBy(g => g.Count())!.Key).Append(right).ToList();
        return borders.Zip(borders.Skip(1)).All(p => p.Second > p.First) ? borders : null;
    }

    private static RawTable Join(RawTable a, RawTable b, List<double> grid)
    {
        if (grid.Count > 0)
        {
            a = Regrid(a, grid);
            b = Regrid(b, grid);
        }
        var skip = RepeatedHeader(a, b);
        var rows = a.Rows.Concat(b.Rows.Skip(skip)).ToList();
        return a with { Rows = rows, PageEnd = b.PageEnd };
    }

    /// <summary>
    /// The table on a finer set of column lines: a cell over several of them spans them; columns the part does not
    /// reach are empty cells.
    /// </summary>
    private static RawTable Regrid(RawTable t, List<double> grid)
    {
        var own = Borders(t)!;
        if (own.Count == grid.Count) return t;
        int Map(double x) => grid.IndexOf(grid.MinBy(g => Math.Abs(g - x)));
        var rows = new List<RawRow>(t.Rows.Count);
        foreach (var row in t.Rows)
        {
            var cells = new List<RawCell>(grid.Count - 1);
            var height = row.Cells.FirstOrDefault(c => c.Box is not null)?.Box;
            RawCell Empty(int k) => new(string.Empty, Slot(height, k));
            // A covered slot keeps the box of its own column, so the joined table's columns can be read from its first row.
            Box? Slot(Box? box, int k) => box is { } b ? new Box(grid[k], b.Bottom, grid[k + 1], b.Top) : null;
            for (var k = 0; k < Map(own[0]); k++) cells.Add(Empty(k));
            for (var c = 0; c < row.Cells.Count; c++)
            {
                var cell = row.Cells[c];
                int from = Map(own[c]), to = Map(own[c + 1]);
                if (cell.IsCovered)
                {
                    for (var k = from; k < to; k++) cells.Add(RawCell.Covered(Slot(cell.Box, k)));
                    continue;
                }
                var end = Map(own[Math.Min(c + cell.ColSpan, own.Count - 1)]);
                cells.Add(cell with { ColSpan = Math.Max(1, end - from) });
                for (var k = from + 1; k < to; k++) cells.Add(RawCell.Covered(Slot(cell.Box, k)));
            }
            for (var k = cells.Count; k < grid.Count - 1; k++) cells.Add(Empty(k));
            rows.Add(row with { Cells = cells });
        }
        return t with { Rows = rows };
    }

    /// <summary>How many leading rows of the continuation repeat the first part's leading rows.</summary>
    private static int RepeatedHeader(RawTable a, RawTable b)
    {
        var n = 0;
        while (n < Math.Min(a.Rows.Count, b.Rows.Count) && n < 4 && Repeats(a.Rows[n], b.Rows[n]) && RowText(a.Rows[n]).Length > 0) n++;
        return n;
    }

    /// <summary>
    /// The same line, or the same header line with words run onto its cells: a paragraph too long for its cell (a
    /// project's 绩效目标 in a grid of projects) is printed on over the header repeated at the head of the next page,
    /// and its words join the header's (绩效目标 read as 绩效目标查物资的发放质). Every cell the same or the header's
    /// words followed by others; words only (a figure that grows is another figure); most cells exactly the same.
    /// </summary>
    private static bool Repeats(RawRow a, RawRow b)
    {
        if (RowText(a) == RowText(b)) return true;
        if (a.Cells.Count != b.Cells.Count) return false;
        var same = 0;
        for (var c = 0; c < a.Cells.Count; c++)
        {
            var x = TextNormalizer.Compact(a.Cells[c].Text);
            var y = TextNormalizer.Compact(b.Cells[c].Text);
            if (x == y) { if (x.Length > 0) same++; continue; }
            if (x.Length < 2 || x.Any(char.IsDigit) || !y.StartsWith(x, StringComparison.Ordinal)) return false;
        }
        return same * 2 > a.Cells.Count(c => TextNormalizer.Compact(c.Text).Length > 0);
    }

    private static string RowText(RawRow r) => string.Join("|", r.Cells.Select(c => TextNormalizer.Compact(c.Text)));
}
