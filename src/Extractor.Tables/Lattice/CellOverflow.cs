using Extractor.Core.Layout;

namespace Extractor.Tables.Lattice;

/// <summary>Settings of <see cref="CellOverflow"/>; points.</summary>
public sealed record CellOverflowOptions
{
    /// <summary>How far a line's top must reach above its cell's top border to be looked at: less is a glyph box's
    /// ascent touching the border, which a cell's own first line may do.</summary>
    public double MinPoke { get; init; } = 0.3;

    /// <summary>Lines of one wrapped text start at one left edge (within this).</summary>
    public double AlignTolerance { get; init; } = 1.5;

    /// <summary>The gap between two lines of one wrapped text, as a share of the line's height, at most.</summary>
    public double MaxLineGap { get; init; } = 0.4;

    /// <summary>Two line gaps are the same line spacing within this.</summary>
    public double PitchTolerance { get; init; } = 0.6;

    /// <summary>A word this many times as tall as the line it would follow spans two baselines: two overprinted lines
    /// the reader took for one word, not one overflowing line; left where it is.</summary>
    public double MaxHeightRatio { get; init; } = 1.25;

    /// <summary>A line lies over another line when they share more than this share of its height.</summary>
    public double MinOverprint { get; init; } = 0.1;

    /// <summary>
    /// The same for lines read by OCR: their boxes are the text detector's, grown round the ink by a margin, so two
    /// lines of one cell set at a tight spacing share up to a fifth of their height (服务对象满意度 over 指标 in a
    /// scanned form's cell: 1.7 pt of 8.7); a line printed over another shares that and the overlap a text layer shows.
    /// </summary>
    public double MinOcrOverprint { get; init; } = 0.3;

    /// <summary>Two words sharing more than this share of their height stand on one baseline: one line of the cell, whose
    /// parts (or the overflow and the cell's own text, joined by the reader) are not parted here; nothing is moved.</summary>
    public double SameBaseline { get; init; } = 0.6;
}

/// <summary>
/// Text that runs out of the bottom of a cell too small for it: spreadsheet exports print a wrapped cell's text whole
/// even when the row is too short, so its last line crosses the border into the cell below (形成安全评估、光伏审核 /
/// 审计及新能源项目征集情 / 况报告 over a row ruled for two lines; 机关事业单位基本养老保 / 险缴费 printed over the
/// next row's 30109-职业年金缴费). Placed by its centre, the line would begin the next cell's text. It is the cell
/// above's when (1) it crosses the drawn border above its cell, (2) it starts where a line of the cell above starts and
/// follows that line as wrapped lines do, and (3) it either continues the cell above's line spacing (that cell shows
/// two lines or more) and its cell's text sits nearer the cell's middle without it (a centred text too tall for its
/// cell crosses the border above it: 创新药械研究和 / 产业化进展情况 / 清单 is the lower cell's own), or is printed
/// over a line of its own cell — a cell's own lines never overlap — and (4) no word of
/// its cell stands on its baseline (the reader may have joined the overflow with the cell's own text: 护2130308 for
/// 护 over 2130308-水利前期工作; nothing there can be parted safely).
/// </summary>
public sealed class CellOverflow(CellOverflowOptions? options = null)
{
    public CellOverflowOptions Options { get; } = options ?? new CellOverflowOptions();

    /// <summary>Moves overflowing lines to the cell above; <paramref name="cells"/> is changed in place.</summary>
    public void GiveBack(RuledGrid grid, Dictionary<(int R, int C), List<TextWord>> cells)
    {
        var o = Options;
        var moves = new List<(TextWord Word, (int, int) From, (int, int) To)>();
        foreach (var (key, words) in cells)
        {
            var top = key.R; // a cell's words sit below its owner slot's top line
            if (top == 0) continue;
            foreach (var w in words)
            {
                if (w.Box.Top < grid.Ys[top] + o.MinPoke || !grid.HorizontalAt(top, w.Box.CentreX)) continue;
                if (grid.OwnerOf(top - 1, grid.ColumnOf(w.Box.CentreX)) is not { } above || above == key || !cells.TryGetValue(above, out var upper)) continue;
                var lines = upper.Where(u => Math.Abs(u.Box.Left - w.Box.Left) <= o.AlignTolerance && u.Box.Bottom >= w.Box.Top)
                    .OrderBy(u => u.Box.Bottom).ToList();
                if (lines.Count == 0) continue;
                var last = lines[0];
                var gap = last.Box.Bottom - w.Box.Top;
                if (gap > o.MaxLineGap * last.Box.Height || w.Box.Height > o.MaxHeightRatio * last.Box.Height) continue;
                var spacing = lines.Count > 1 && Math.Abs(lines[1].Box.Bottom - last.Box.Top - gap) <= o.PitchTolerance;
                var minOverprint = w.IsOcr ? o.MinOcrOverprint : o.MinOverprint;
                var beside = words.Where(v => v != w && Overlap(v.Box, w.Box) > minOverprint * w.Box.Height).ToList();
                if (beside.Any(v => Overlap(v.Box, w.Box) > o.SameBaseline * Math.Min(v.Box.Height, w.Box.Height))) continue;
                var overprint = beside.Any(v => v.Box.Right > w.Box.Left && v.Box.Left < w.Box.Right);
                // Wrapped lines at one spacing may as well be the lower cell's own text, set centred and too tall for
                // its cell (it then crosses the border above it): the line is the cell above's only where the lower
                // cell's text sits better in its cell without it.
                if (overprint || spacing && SitsBetterWithout(grid.CellBox(key), words, w)) moves.Add((w, key, above));
            }
        }
        foreach (var (w, from, to) in moves)
        {
            cells[from].Remove(w);
            if (cells[from].Count == 0) cells.Remove(from);
            cells[to].Add(w);
        }
    }

    private static bool SitsBetterWithout(Box cell, List<TextWord> words, TextWord line)
    {
        var rest = words.Where(v => v != line).ToList();
        var with = Math.Abs(Middle(words) - cell.CentreY);
        var without = rest.Count == 0 ? cell.Height / 4 : Math.Abs(Middle(rest) - cell.CentreY);
        return without < with;
    }

    private static double Middle(List<TextWord> words) => RuledGrid.Ink(words)!.Value.CentreY;

    private static double Overlap(Box a, Box b) => Math.Min(a.Top, b.Top) - Math.Max(a.Bottom, b.Bottom);
}
