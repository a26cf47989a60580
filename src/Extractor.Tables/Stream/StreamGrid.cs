using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Text;

namespace Extractor.Tables.Stream;

/// <summary>
/// Rows × columns of text for an unruled (or partly ruled) region. Rows start as baselines; horizontal
/// rulings, where the table draws one per row, close rows; otherwise a label wrapped over lines whose
/// numbers sit on one of them joins that line (the wrapped lines sit closer than rows do), and the lines
/// of one header cell join (HeaderLines). Read as printed lines (explicit stream), every line stays a row.
/// </summary>
public sealed class StreamGrid
{
    public static RawTable? Build(IReadOnlyList<TextRow> textRows, IReadOnlyList<double> separators, int page, bool joinWrapped = true)
    {
        if (textRows.Count == 0) return null;
        var detected = ColumnDetector.Detect(textRows);
        var cols = detected.Columns;
        if (cols.Count == 0) return null;
        var rows = new List<Row>();
        var spans = new Dictionary<(Row, int), int>();
        foreach (var tr in textRows)
        {
            var row = new Row { Cells = cols.Select(_ => new List<TextWord>()).ToList(), Box = tr.Box };
            foreach (var chunk in tr.Chunks)
            {
                var first = ColumnIndex(cols, chunk.Box.Left, chunk.Box.Right);
                row.Cells[first].AddRange(chunk.Words);
                if (detected.Spanning.Contains(chunk))
                {
                    var last = cols.FindLastIndex(c => c.Left < chunk.Box.Right);
                    if (last > first) spans[(row, first)] = last - first + 1;
                }
            }
            row.Numeric = row.Cells.Any(c => c.Count > 0 && CellText.IsNumeric(CellText.Of(c)));
            rows.Add(row);
        }
        if (RuledRows(rows, separators)) rows = MergeBetween(rows, separators);
        else if (joinWrapped) rows = MergeWrapped(HeaderLines.Merge(rows, spans), separators);

        var raw = new List<RawRow>(rows.Count);
        foreach (var row in rows)
        {
            var cells = new List<RawCell>(cols.Count);
            for (var c = 0; c < cols.Count; c++)
            {
                var words = row.Cells[c];
                // A spanning text covers the columns after it up to the next one holding text of its own.
                var span = spans.TryGetValue((row, c), out var s) ? s : 1;
                var end = c + 1;
                while (end < Math.Min(cols.Count, c + span) && row.Cells[end].Count == 0) end++;
                var ink = words.Count > 0 ? Box.Of(words.Select(w => w.Box)) : (Box?)null;
                cells.Add(new RawCell(CellText.Of(words), ink, 1, end - c) { Ink = ink });
                for (var k = c + 1; k < end; k++) cells.Add(RawCell.Covered());
                c = end - 1;
            }
            raw.Add(new RawRow(cells, page, row.Box));
        }
        var box = Box.Of(rows.Select(r => r.Box));
        return new RawTable(raw, page, page, box, TableMethods.Stream);
    }

    /// <summary>The first column the text touches (a spanning text starts there), else the nearest one.</summary>
    private static int ColumnIndex(List<(double Left, double Right)> cols, double left, double right)
    {
        var best = 0;
        var bestDistance = double.MaxValue;
        for (var i = 0; i < cols.Count; i++)
        {
            if (Math.Min(right, cols[i].Right) - Math.Max(left, cols[i].Left) > 0) return i;
            var d = Math.Max(cols[i].Left - right, left - cols[i].Right);
            if (d < bestDistance) { bestDistance = d; best = i; }
        }
        return best;
    }

    /// <summary>Rulings rule rows when they fall between most baselines: no band between two holds many lines.</summary>
    /// <remarks>
    /// A band with two lines that each hold a whole amount in the same column holds two rows (a table ruled
    /// only under its header and at its foot), so its rulings do not rule rows.
    /// </remarks>
    private static bool RuledRows(List<Row> rows, IReadOnlyList<double> separators)
    {
        if (separators.Count < 2) return false;
        var bands = rows.GroupBy(r => separators.Count(y => y > r.CentreY)).Select(g => g.ToList()).ToList();
        if (bands.Any(TwoAmountsInOneColumn)) return false;
        return bands.Max(b => b.Count) <= 4 && bands.Count >= Math.Max(2, rows.Count / 3);
    }

    private static bool TwoAmountsInOneColumn(List<Row> band) =>
        Enumerable.Range(0, band[0].Cells.Count).Any(c => band.Count(r => r.Cells[c].Count > 0 && CellText.IsNumber(CellText.Of(r.Cells[c]))) >= 2);

    /// <summary>Every baseline between two consecutive row rulings belongs to one row.</summary>
    private static List<Row> MergeBetween(List<Row> rows, IReadOnlyList<double> separators)
    {
        var seps = separators.OrderByDescending(y => y).ToList();
        int Band(double y) { var k = 0; while (k < seps.Count && y < seps[k]) k++; return k; }
        var result = new List<Row>();
        var band = -1;
        foreach (var row in rows)
        {
            var b = Band(row.CentreY);
            if (result.Count > 0 && b == band) result[^1].Absorb(row);
            else result.Add(row);
            band = b;
        }
        return result;
    }

    /// <summary>
    /// Lines without numbers that sit closer to a numbered neighbour than rows sit to each other are
    /// that neighbour's wrapped label; a line of number pieces (".64") completes the number above it.
    /// </summary>
    private static List<Row> MergeWrapped(List<Row> rows, IReadOnlyList<double> separators)
    {
        if (rows.Count < 3) return rows;
        var pitches = rows.Zip(rows.Skip(1), (a, b) => a.CentreY - b.CentreY).Order().ToList();
        var pitch = pitches[pitches.Count / 2];
        bool Separated(Row a, Row b) => separators.Any(y => y < Math.Max(a.CentreY, b.CentreY) && y > Math.Min(a.CentreY, b.CentreY));
        bool Fragment(Row r) => !r.Numeric && r.Cells.Count(c => c.Count > 0) == 1 || NumberTail(r);
        bool Wrapped(Row a, Row b) => a.CentreY - b.CentreY < 0.75 * pitch && a.Box.Bottom - b.Box.Top < 0.35 * Math.Min(a.Box.Height, b.Box.Height);
        var changed = true;
        while (changed)
        {
            changed = false;
            for (var i = 0; i < rows.Count; i++)
            {
                var r = rows[i];
                if (!Fragment(r)) continue;
                var above = i > 0 ? rows[i - 1] : null;
                var below = i + 1 < rows.Count ? rows[i + 1] : null;
                Row? target = null;
                bool Fits(Row? t) => t is not null && t.Numeric && Wrapped(t == above ? t : r, t == above ? r : t) && !Separated(r, t);
                var dAbove = above is null ? double.MaxValue : above.CentreY - r.CentreY;
                var dBelow = below is null ? double.MaxValue : r.CentreY - below.CentreY;
                if (Fits(above) && (dAbove <= dBelow || !Fits(below))) target = above;
                else if (Fits(below)) target = below;
                if (target is null) continue;
                target.Absorb(r);
                rows.RemoveAt(i);
                changed = true;
                break;
            }
        }
        return rows;
    }

    /// <summary>Only pieces of numbers that cannot stand alone (".64"): the end of a number wrapped in its cell.</summary>
    private static bool NumberTail(Row r)
    {
        var texts = r.Cells.Where(c => c.Count > 0).Select(CellText.Of).ToList();
        return texts.Count > 0 && texts.All(t => !CellText.IsNumber(t) && t.Length > 0 && (t[0] == '.' || t[0] == ',') && t.Skip(1).All(ch => char.IsDigit(ch) || ch is ',' or '.'));
    }
}
