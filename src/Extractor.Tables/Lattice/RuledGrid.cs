using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Geometry;
using Extractor.Tables.Text;

namespace Extractor.Tables.Lattice;

/// <summary>
/// The grid of one ruling component: column and row lines from the rulings' positions, a border between
/// two slots where a ruling crosses the middle of their shared edge, and merged cells where it does not.
/// </summary>
public sealed class RuledGrid
{
    private const double LineTolerance = 2.5;
    private readonly List<VSeg>[] _vAt;
    private readonly List<HSeg>[] _hAt;

    public IReadOnlyList<double> Xs { get; }
    /// <summary>Row lines from the top down.</summary>
    public IReadOnlyList<double> Ys { get; }
    public int Rows => Ys.Count - 1;
    public int Cols => Xs.Count - 1;
    public Box Box => new(Xs[0], Ys[^1], Xs[^1], Ys[0]);

    public RuledGrid(RulingComponent c)
    {
        var xs = Clusters.Means(c.V.Select(v => v.X), LineTolerance);
        var ys = Clusters.Means(c.H.Select(h => h.Y), LineTolerance);
        // A table drawn without its outer frame still ends where its row lines end.
        if (c.H.Count > 0)
        {
            AddEnd(xs, c.H.Min(h => h.X1), first: true);
            AddEnd(xs, c.H.Max(h => h.X2), first: false);
        }
        if (c.V.Count > 0)
        {
            AddEnd(ys, c.V.Min(v => v.Y1), first: true);
            AddEnd(ys, c.V.Max(v => v.Y2), first: false);
        }
        ys.Reverse();
        Xs = xs;
        Ys = ys;
        _vAt = new List<VSeg>[xs.Count];
        _hAt = new List<HSeg>[ys.Count];
        for (var i = 0; i < xs.Count; i++) _vAt[i] = [];
        for (var i = 0; i < ys.Count; i++) _hAt[i] = [];
        foreach (var v in c.V) _vAt[Clusters.Nearest(xs, v.X, double.MaxValue)].Add(v);
        var ysAsc = new List<double>(ys);
        ysAsc.Reverse();
        foreach (var h in c.H) _hAt[ys.Count - 1 - Clusters.Nearest(ysAsc, h.Y, double.MaxValue)].Add(h);
    }

    private static void AddEnd(List<double> lines, double end, bool first)
    {
        if (lines.Count == 0) { lines.Add(end); return; }
        if (first && end < lines[0] - 2 * LineTolerance) lines.Insert(0, end);
        else if (!first && end > lines[^1] + 2 * LineTolerance) lines.Add(end);
    }

    /// <summary>Is there a ruling on column line <paramref name="col"/> at height y?</summary>
    public bool VerticalAt(int col, double y) =>
        _vAt[col].Any(v => y >= v.Y1 - LineTolerance && y <= v.Y2 + LineTolerance);

    /// <summary>Is there a ruling on row line <paramref name="row"/> at abscissa x?</summary>
    public bool HorizontalAt(int row, double x) =>
        _hAt[row].Any(h => x >= h.X1 - LineTolerance && x <= h.X2 + LineTolerance);

    public int ColumnOf(double x)
    {
        for (var c = 0; c < Cols; c++) if (x < Xs[c + 1]) return c;
        return Cols - 1;
    }

    public int RowOf(double y)
    {
        for (var r = 0; r < Rows; r++) if (y > Ys[r + 1]) return r;
        return Rows - 1;
    }

    public Box Slot(int r, int c) => new(Xs[c], Ys[r + 1], Xs[c + 1], Ys[r]);

    public RawTable ToTable(IEnumerable<TextWord> words, int page) => ToTable(Assign(words), page);

    private (int R, int C)?[][]? _owner; // jagged: a [,] of this struct needs a JIT-compiled accessor stub per process
    private Dictionary<(int, int), (int RowSpan, int ColSpan)>? _spans;

    /// <summary>Merged cells: a slot joins its right (lower) neighbour where no ruling crosses their shared edge.</summary>
    private void ComputeSpans()
    {
        if (_owner is not null) return;
        var owner = new (int R, int C)?[Rows][];
        for (var r = 0; r < Rows; r++) owner[r] = new (int R, int C)?[Cols];
        var spans = new Dictionary<(int, int), (int RowSpan, int ColSpan)>();
        for (var r = 0; r < Rows; r++)
        for (var c = 0; c < Cols; c++)
        {
            if (owner[r][c] is not null) continue;
            var midY = (Ys[r] + Ys[r + 1]) / 2;
            var colSpan = 1;
            while (c + colSpan < Cols && owner[r][c + colSpan] is null && !VerticalAt(c + colSpan, midY)) colSpan++;
            var rowSpan = 1;
            while (r + rowSpan < Rows
                   && Enumerable.Range(c, colSpan).All(k => owner[r + rowSpan][k] is null && !HorizontalAt(r + rowSpan, (Xs[k] + Xs[k + 1]) / 2)))
                rowSpan++;
            spans[(r, c)] = (rowSpan, colSpan);
            for (var rr = r; rr < r + rowSpan; rr++)
            for (var cc = c; cc < c + colSpan; cc++)
                owner[rr][cc] = (r, c);
        }
        _owner = owner;
        _spans = spans;
    }

    /// <summary>The (merged) cell a slot belongs to, as its top-left slot.</summary>
    public (int R, int C)? OwnerOf(int r, int c)
    {
        ComputeSpans();
        return r >= 0 && r < Rows && c >= 0 && c < Cols ? _owner![r][c] : null;
    }

    /// <summary>The box of a (merged) cell given by its top-left slot.</summary>
    public Box CellBox((int R, int C) cell)
    {
        ComputeSpans();
        var (rows, cols) = _spans![cell];
        return Slot(cell.R, cell.C).Union(Slot(cell.R + rows - 1, cell.C + cols - 1));
    }

    private static readonly CellOverflow Overflow = new();

    /// <summary>
    /// Page words placed by their centre into their (merged) cell, cut where they cross a drawn border; a wrapped
    /// text's line printed past its cell's bottom border goes back to its cell (<see cref="CellOverflow"/>).
    /// </summary>
    public Dictionary<(int R, int C), List<TextWord>> Assign(IEnumerable<TextWord> words)
    {
        ComputeSpans();
        var owner = _owner!;
        var cellWords = new Dictionary<(int, int), List<TextWord>>();
        var box = Box;
        foreach (var w in words)
        {
            if (!box.Contains(w.Box.CentreX, w.Box.CentreY)) continue;
            var row = RowOf(w.Box.CentreY);
            var cuts = new List<double>();
            for (var c = 1; c < Cols; c++)
                if (Xs[c] > w.Box.Left && Xs[c] < w.Box.Right && VerticalAt(c, w.Box.CentreY)) cuts.Add(Xs[c]);
            foreach (var piece in WordSlicer.Slice(w, cuts))
            {
                var key = owner[row][ColumnOf(piece.Box.CentreX)]!.Value;
                if (!cellWords.TryGetValue(key, out var list)) cellWords[key] = list = [];
                list.Add(piece);
            }
        }
        Overflow.GiveBack(this, cellWords);
        return cellWords;
    }

    /// <summary>
    /// The words of a merged cell, one list per slot, when every word sits inside one slot and two slots or
    /// more hold words; null for a real merged cell (a title crossing the lines, a centred heading).
    /// </summary>
    private List<TextWord>[]? SplitBySlots(List<TextWord> words, int c, int span)
    {
        var parts = new List<TextWord>[span];
        for (var k = 0; k < span; k++) parts[k] = [];
        foreach (var w in words)
        {
            var k = ColumnOf(w.Box.CentreX) - c;
            if (k < 0 || k >= span || w.Box.Left < Xs[c + k] - 1 || w.Box.Right > Xs[c + k + 1] + 1) return null;
            parts[k].Add(w);
        }
        if (Enumerable.Range(0, span - 1).Any(k => RunsOn(parts[k], parts[k + 1]))) return null;
        return parts.Count(p => p.Count > 0) >= 2 ? parts : null;
    }

    /// <summary>
    /// Words read by OCR of one line that run on from a slot into the next, closer than a character's height: one text
    /// cut in two (an OCR engine reads a long cell as two regions where the column border of other rows would pass),
    /// not two values set in their columns. Figures are never joined: amounts side by side in a band may sit close. A
    /// text layer's words are left as they are: there a paragraph's line may end 2 pt before the next column's text
    /// (a 绩效目标 run into a band beside its 一级指标), and the producer's own strings say where the text parts.
    /// </summary>
    private static bool RunsOn(List<TextWord> left, List<TextWord> right)
    {
        if (left.Count == 0 || right.Count == 0 || !left.Concat(right).All(w => w.IsOcr)) return false;
        if (CellText.IsNumeric(CellText.Of(left)) || CellText.IsNumeric(CellText.Of(right))) return false;
        return left.Any(a => right.Any(b =>
        {
            var overlap = Math.Min(a.Box.Top, b.Box.Top) - Math.Max(a.Box.Bottom, b.Box.Bottom);
            var height = Math.Min(a.Box.Height, b.Box.Height);
            return overlap > height / 2 && b.Box.Left - a.Box.Right < height;
        }));
    }

    /// <summary>The grid as a raw table: merged cells once, in their top-left slot, with their spans.</summary>
    public RawTable ToTable(Dictionary<(int R, int C), List<TextWord>> cellWords, int page)
    {
        ComputeSpans();
        var spans = _spans!;
        var box = Box;
        var rows = new List<RawRow>(Rows);
        for (var r = 0; r < Rows; r++)
        {
            if (UnruledRows.Split(this, r, cellWords, spans, page) is { } split)
            {
                rows.AddRange(split);
                continue;
            }
            var cells = new List<RawCell>(Cols);
            for (var c = 0; c < Cols; c++)
            {
                if (spans.TryGetValue((r, c), out var s) && s.RowSpan == 1 && s.ColSpan > 1
                    && cellWords.TryGetValue((r, c), out var spanned) && SplitBySlots(spanned, c, s.ColSpan) is { } parts)
                {
                    // Amounts set in their columns but left unruled in this row (a shaded band): one cell per slot.
                    for (var k = 0; k < s.ColSpan; k++)
                        cells.Add(new RawCell(CellText.Of(parts[k]), Slot(r, c + k)) { Ink = Ink(parts[k]) });
                    c += s.ColSpan - 1;
                    continue;
                }
                if (spans.TryGetValue((r, c), out s))
                {
                    var cellBox = CellBox((r, c));
                    var words = cellWords.TryGetValue((r, c), out var ws) ? ws : null;
                    cells.Add(new RawCell(words is null ? string.Empty : CellText.Of(words), cellBox, s.RowSpan, s.ColSpan) { Ink = Ink(words) });
                }
                else cells.Add(RawCell.Covered(Slot(r, c)));
            }
            rows.Add(new RawRow(cells, page, new Box(Xs[0], Ys[r + 1], Xs[^1], Ys[r])));
        }
        return new RawTable(rows, page, page, box, TableMethods.Lattice);
    }

    /// <summary>The box of a cell's printed words (null for an empty cell).</summary>
    internal static Box? Ink(IReadOnlyCollection<TextWord>? words) => words is { Count: > 0 } ? Box.Of(words.Select(w => w.Box)) : null;
}
