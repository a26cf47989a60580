using System.Text.RegularExpressions;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Readers.Text;

/// <summary>
/// Finds tables in the lines of one text page. Two layouts occur in the seeds: one cell per line
/// with a leading tab (rows separated by an empty line; a block ends at a non-tab line or two empty
/// lines), and one row per line with tab-separated cells. Leading title/公开NN表/单位 rows and the short
/// text lines just above a block become the caption.
/// </summary>
public static partial class TextTableParser
{
    public static IReadOnlyList<RawTable> Parse(IReadOnlyList<string> lines, int page) => ParseSpans(lines, page).Select(s => s.Table).ToList();

    /// <summary>The tables with the raw lines each was read from (first and last index), so the reader can tell table lines from prose.</summary>
    public static IReadOnlyList<(RawTable Table, int First, int Last)> ParseSpans(IReadOnlyList<string> lines, int page)
    {
        var tables = new List<(RawTable, int, int)>();
        var i = 0;
        while (i < lines.Count)
        {
            if (lines[i].StartsWith('\t'))
            {
                var start = i;
                var rows = ReadCellPerLineBlock(lines, ref i);
                Add(tables, rows, TextAbove(lines, start), page, start, i - 1);
            }
            else if (lines[i].Contains('\t'))
            {
                var start = i;
                var rows = new List<List<string>>();
                while (i < lines.Count && lines[i].Contains('\t') && !lines[i].StartsWith('\t') || i < lines.Count && IsTabRowContinuation(lines, i, rows)
                       || IsBlankInsideRows(lines, i, rows))
                {
                    if (lines[i].Length == 0) { i++; continue; }
                    rows.Add(lines[i++].Split('\t').Select(TextNormalizer.Normalize).ToList());
                }
                if (!IsTableOfContents(rows)) Add(tables, rows, TextAbove(lines, start), page, start, i - 1);
            }
            else i++;
        }
        return tables;
    }

    // In the row-per-line layout a row may start with an empty first cell (a leading tab).
    private static bool IsTabRowContinuation(IReadOnlyList<string> lines, int i, List<List<string>> rows) =>
        rows.Count > 0 && lines[i].StartsWith('\t') && lines[i].Count(c => c == '\t') >= 2;

    /// <summary>
    /// A blank line inside a row-per-line table: the line after it is a row of exactly the table's width whose first
    /// cell is empty (a form's indicator lines, or the wrapped rest of the line above, go on after a break the
    /// exporter left between them). Read alone, that line would start a cell-per-line block and every line after it
    /// would become the cells of one row.
    /// </summary>
    private static bool IsBlankInsideRows(IReadOnlyList<string> lines, int i, List<List<string>> rows) =>
        rows.Count > 0 && i + 1 < lines.Count && lines[i].Length == 0 && IsTabRowContinuation(lines, i + 1, rows)
        && lines[i + 1].Split('\t').Length == rows.Max(r => r.Count);

    private static List<List<string>> ReadCellPerLineBlock(IReadOnlyList<string> lines, ref int i)
    {
        var rows = new List<List<string>>();
        var current = new List<string>();
        var empties = 0;
        for (; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.StartsWith('\t'))
            {
                empties = 0;
                // A line holding several tabs is itself several cells.
                current.AddRange(line[1..].Split('\t').Select(TextNormalizer.Normalize));
                continue;
            }
            if (line.Length > 0)
            {
                // A short untabbed line between cell lines is the wrapped end of the cell above ("负责人" / "及电话").
                if (IsWrappedCellText(lines, i) && (current.Count > 0 || rows.Count > 0))
                {
                    var target = current.Count > 0 ? current : rows[^1];
                    target[^1] = TextNormalizer.Join(target[^1], TextNormalizer.Normalize(line));
                    continue;
                }
                break;
            }
            if (current.Count > 0) { rows.Add(current); current = []; }
            if (++empties >= 2) break;
        }
        if (current.Count > 0) rows.Add(current);
        return rows;
    }

    private static bool IsWrappedCellText(IReadOnlyList<string> lines, int i)
    {
        if (lines[i].Trim().Length is 0 or > 12 || IsCaptionText(TextNormalizer.Normalize(lines[i]))) return false;
        var j = i + 1;
        while (j < lines.Count && lines[j].Length == 0 && j - i <= 2) j++;
        return j < lines.Count && lines[j].StartsWith('\t') && i > 0 && (lines[i - 1].StartsWith('\t') || lines[i - 1].Length == 0);
    }

    /// <summary>Up to three short non-empty lines just above the block: titles printed outside the grid.</summary>
    private static List<string> TextAbove(IReadOnlyList<string> lines, int start)
    {
        var above = new List<string>();
        for (var j = start - 1; j >= 0 && above.Count < 3 && start - j <= 6; j--)
        {
            var t = TextNormalizer.Normalize(lines[j]);
            if (t.Length == 0) continue;
            if (lines[j].Contains('\t') || t.Length > 60) break;
            above.Insert(0, t);
        }
        // Only lines that read like a title or unit note belong to the table.
        var firstCaption = above.FindIndex(IsCaptionText);
        return firstCaption < 0 ? [] : above[firstCaption..];
    }

    private static void Add(List<(RawTable, int, int)> tables, List<List<string>> rows, List<string> above, int page, int first, int last)
    {
        var caption = new List<string>(above);
        var k = 0;
        while (k < rows.Count && IsCaptionRow(rows[k]))
        {
            caption.AddRange(rows[k].Where(c => c.Length > 0));
            k++;
        }
        var body = rows.Skip(k).ToList();
        if (body.Count(r => r.Any(c => c.Length > 0)) < 2 || body.Max(r => r.Count) < 2) return;
        var grid = RaggedRowAligner.Align(body);
        var rawRows = grid.Select(r => new RawRow(r, page)).ToList();
        tables.Add((new RawTable(rawRows, page, page, null, "text") { Caption = caption }, first, last));
    }

    private static bool IsCaptionRow(List<string> row) => TableCaption.IsCaptionRow(row, 2);

    private static bool IsCaptionText(string text) => TableCaption.IsCaptionText(text);

    private static bool IsTableOfContents(List<List<string>> rows) =>
        rows.Count(r => r.Count >= 2 && r[0].EndsWith("..") && int.TryParse(r[^1], out _)) * 2 >= rows.Count;
}
