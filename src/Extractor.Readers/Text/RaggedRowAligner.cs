using Extractor.Core.Tables;

namespace Extractor.Readers.Text;

/// <summary>
/// Text renderings drop merged-cell spans, so header and total rows have fewer cells than data rows.
/// This gives every short row spans again, in this order of evidence: the row below (a group header
/// sits over one run of sub-headers or one blank left by a row-spanning cell, the label columns count
/// as one unit), an even split when the counts divide, else a merged first cell (项目/合计/栏次 over
/// the code and name columns).
/// </summary>
public static class RaggedRowAligner
{
    public static IReadOnlyList<IReadOnlyList<RawCell>> Align(IReadOnlyList<List<string>> rows)
    {
        var width = rows.Max(r => r.Count);
        var labelColumns = LeadingLabelColumns(rows, width);
        var spans = new List<int[]>(new int[rows.Count][]);
        for (var i = rows.Count - 1; i >= 0; i--)
        {
            var k = rows[i].Count;
            spans[i] = k >= width ? Enumerable.Repeat(1, k).ToArray()
                : (i + 1 < rows.Count ? FromRowBelow(rows[i + 1], spans[i + 1], k, width, labelColumns) : null)
                  ?? (k > 1 && width % k == 0 && IsHeaderRow(rows[i]) ? Enumerable.Repeat(width / k, k).ToArray() : null)
                  ?? [width - k + 1, .. Enumerable.Repeat(1, k - 1)];
        }
        // Even split is preferred for header rows whose count divides (收入|支出, 预算数|决算数).
        for (var i = 0; i < rows.Count; i++)
        {
            var k = rows[i].Count;
            if (k > 1 && k < width && width % k == 0 && IsHeaderRow(rows[i])) spans[i] = Enumerable.Repeat(width / k, k).ToArray();
        }
        return rows.Select((r, i) => Expand(r, spans[i], width)).ToList();
    }

    private static IReadOnlyList<RawCell> Expand(List<string> row, int[] spans, int width)
    {
        var cells = new List<RawCell>(width);
        for (var c = 0; c < row.Count && cells.Count < width; c++)
        {
            cells.Add(new RawCell(row[c], ColSpan: spans[c]));
            for (var s = 1; s < spans[c] && cells.Count < width; s++) cells.Add(RawCell.Covered());
        }
        while (cells.Count < width) cells.Add(new RawCell(string.Empty));
        return cells;
    }

    /// <summary>Units of the row below: the label block, each blank, each run of non-blank cells.</summary>
    private static int[]? FromRowBelow(List<string> below, int[] belowSpans, int k, int width, int labelColumns)
    {
        if (!IsHeaderRow(below)) return null;
        var units = new List<int>();
        var col = 0;
        var run = 0;
        var cellIndex = 0;
        while (col < width && cellIndex < below.Count)
        {
            var span = belowSpans[cellIndex];
            var blank = below[cellIndex].Length == 0;
            if (col < labelColumns) { run += span; }
            else if (blank)
            {
                if (run > 0) { units.Add(run); run = 0; }
                units.Add(span);
            }
            else
            {
                if (run > 0 && col == labelColumns) { units.Add(run); run = 0; }
                run += span;
            }
            col += span;
            cellIndex++;
            if (col == labelColumns && run > 0) { units.Add(run); run = 0; }
        }
        if (run > 0) units.Add(run);
        if (col < width) units.Add(width - col);
        return units.Count == k ? units.ToArray() : null;
    }

    private static bool IsHeaderRow(List<string> row) => row.All(c => c.Length == 0 || !IsNumber(c));

    /// <summary>Leading columns whose data cells hold codes or names rather than amounts.</summary>
    private static int LeadingLabelColumns(IReadOnlyList<List<string>> rows, int width)
    {
        var full = rows.Where(r => r.Count == width && !IsHeaderRow(r)).ToList();
        if (full.Count == 0)
        {
            // An empty table: the merged 栏次/合计 cell tells how many columns the names take.
            var merged = rows.FirstOrDefault(r => r.Count is > 1 && r.Count < width && r[0] is "栏次" or "合计" or "总计");
            return merged is null ? 1 : width - merged.Count + 1;
        }
        var n = 0;
        while (n < width && full.Any(r => r[n].Length > 0 && (!IsNumber(r[n]) || IsCode(r[n])))
               && full.All(r => r[n].Length == 0 || !IsNumber(r[n]) || IsCode(r[n]))) n++;
        return Math.Max(n, 1);
    }

    private static bool IsCode(string s) => s.Length is 3 or 5 or 7 && s.All(char.IsAsciiDigit);

    private static bool IsNumber(string s)
    {
        var t = s.Replace(",", "").Trim();
        return t.Length > 0 && (decimal.TryParse(t, out _) || t is "-" or "—" or "--");
    }
}
