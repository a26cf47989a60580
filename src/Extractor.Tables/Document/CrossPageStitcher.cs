using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Tables.Document;

/// <summary>
/// A table that ends at the foot of its page continues in the first table of the next page when that
/// one starts at the head of the page with no title of its own and the same columns. A header repeated
/// at the top of the continuation is dropped.
/// </summary>
public sealed class CrossPageStitcher : ITableStitcher
{
    public IReadOnlyList<RawTable> Stitch(IReadOnlyList<RawTable> tables, IReadOnlyList<PageContent> pages)
    {
        var byNumber = pages.ToDictionary(p => p.Number);
        var result = new List<RawTable>();
        foreach (var t in tables)
        {
            if (result.Count > 0 && Continues(result[^1], t, byNumber, tables))
                result[^1] = Join(result[^1], t);
            else result.Add(t);
        }
        return result;
    }

    private static bool Continues(RawTable prev, RawTable next, Dictionary<int, PageContent> pages, IReadOnlyList<RawTable> all)
    {
        if (next.PageStart != prev.PageEnd + 1 || prev.ColumnCount != next.ColumnCount) return false;
        if (!pages.TryGetValue(prev.PageEnd, out var prevPage) || !pages.TryGetValue(next.PageStart, out var nextPage)) return false;
        var lastBox = prev.Rows[^1].Box ?? prev.Box;
        if (lastBox is not { } lb || next.Box is not { } nb) return false;
        // Nothing but a page number or footer below the first part…
        if (prevPage.Lines.Count(l => l.Box.Top < lb.Bottom - 1 && !Furniture(l, prevPage)) > 0) return false;
        if (all.Any(o => o.PageStart == prev.PageEnd && o != prev && o.Box is { } ob && ob.Top < lb.Bottom)) return false;
        // …and nothing but a repeated title or unit line above the second.
        if (all.Any(o => o.PageStart == next.PageStart && o != next && o.Box is { } ob && ob.Bottom > nb.Top)) return false;
        var above = nextPage.Lines.Where(l => l.Box.Bottom > nb.Top - 1 && !Furniture(l, nextPage)).ToList();
        var title = prev.Caption.Select(TextNormalizer.Compact).ToHashSet();
        if (above.Any(l => !title.Contains(TextNormalizer.Compact(l.Text)) && !IsUnitLine(l.Text))) return false;
        return SameColumns(prev, next);
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

    /// <summary>Column borders within a few points: one table printed on two pages.</summary>
    private static bool SameColumns(RawTable a, RawTable b)
    {
        var xa = Borders(a);
        var xb = Borders(b);
        if (xa is null || xb is null) return true;
        return xa.Count == xb.Count && xa.Zip(xb).All(p => Math.Abs(p.First - p.Second) <= 6);
    }

    private static List<double>? Borders(RawTable t)
    {
        var row = t.Rows.LastOrDefault(r => r.Cells.All(c => !c.IsCovered && c.ColSpan == 1 && c.Box is not null));
        if (row is null || t.Method != TableMethods.Lattice) return null;
        return row.Cells.Select(c => c.Box!.Value.Left).Append(row.Cells[^1].Box!.Value.Right).ToList();
    }

    private static RawTable Join(RawTable a, RawTable b)
    {
        var skip = RepeatedHeader(a, b);
        var rows = a.Rows.Concat(b.Rows.Skip(skip)).ToList();
        return a with { Rows = rows, PageEnd = b.PageEnd };
    }

    /// <summary>How many leading rows of the continuation repeat the first part's leading rows.</summary>
    private static int RepeatedHeader(RawTable a, RawTable b)
    {
        var n = 0;
        while (n < Math.Min(a.Rows.Count, b.Rows.Count) && n < 4 && RowText(a.Rows[n]) == RowText(b.Rows[n]) && RowText(a.Rows[n]).Length > 0) n++;
        return n;
    }

    private static string RowText(RawRow r) => string.Join("|", r.Cells.Select(c => TextNormalizer.Compact(c.Text)));
}
