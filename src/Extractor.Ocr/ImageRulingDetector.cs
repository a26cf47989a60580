using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Ruling lines from a scanned page by run lengths: a long run of dark pixels along a row (or a column)
/// is a table border. Neighbouring rows of one thick line are merged into one ruling. Borders printed in a light
/// grey (the silver hairlines of tables made from web pages, a faint scan of a thin line) are found too, by a
/// second look with a threshold near the paper's shade that keeps only thin lines with paper on both sides: a grey
/// fill (a shaded header, a chart's sector) is an area, not a border.
/// </summary>
public static class ImageRulingDetector
{
    private const byte Dark = 128;

    /// <summary>
    /// What changes the rulings a page gives (and so its cleaned image and what is read from it): part of the OCR
    /// cache's key, so that a cached reading is never one of an older detector's.
    /// </summary>
    public const string Version = "rulings-5";

    /// <summary>A grey line is ink darker than the paper by at least this share of the way from the paper to mid grey.</summary>
    private const double LightShare = 0.25;

    /// <summary>The light look is skipped on a page whose paper is itself this dark (a dark scan: no grey stands out).</summary>
    private const byte MinPaper = 192;

    /// <summary>One merged stroke in pixels: lines First..Last (rows for a horizontal one), Start..End along them.</summary>
    private readonly record struct Stroke(int First, int Last, int Start, int End)
    {
        public int Thickness => Last - First + 1;
    }

    /// <summary>The page seen along rows (horizontal rulings) or along columns (vertical ones): Lines of Length pixels.</summary>
    private sealed record Axis(int Lines, int Length, Func<int, int, byte> Pixel);

    public static IReadOnlyList<Ruling> Detect(PageImage image, double pageHeightPt)
    {
        var minRun = image.Dpi; // one inch: longer than any glyph stroke
        // Column borders of a short table (a 三公 table of three rows) are under an inch tall; a third of an
        // inch is still taller than a glyph at body sizes, and text lines never stack without a gap.
        var minColumnRun = image.Dpi / 3;
        var rows = new Axis(image.Height, image.Width, (i, j) => image[j, i]);
        var columns = new Axis(image.Width, image.Height, (i, j) => image[i, j]);
        var horizontal = Merge(Runs(rows, Dark, minRun), image);
        var paper = image.PaperShade();
        // A table of one row (a header printed alone at a page's foot, the rest of its table over the page) has column
        // borders shorter still, a row's height. Such a stroke is a border only where it runs unbroken from one table
        // line into the next: a glyph's stroke in a cell stops short of the lines around it by the cell's padding.
        var vertical = Merge(Runs(columns, Dark, MinRowHeight(image)), image)
            .Where(v => v.End - v.Start >= minColumnRun || Closed(v, horizontal, image)).ToList();
        if (paper >= MinPaper)
        {
            var light = (byte)Math.Round(paper - (paper - Dark) * LightShare);
            horizontal.AddRange(Light(Merge(Runs(rows, light, minRun), image), horizontal, rows, light, image, minRun).ToList());
            // Grey borders as short as the dark look's: a silver-ruled table's sub-columns (合计 | 基本支出 | 项目支出 under
            // 财政拨款, two rows high) have borders under a third of an inch, closed by the grey table lines found above.
            var greyColumns = Merge(Runs(columns, light, MinRowHeight(image)), image)
                .Where(v => v.End - v.Start >= minColumnRun || Closed(v, horizontal, image)).ToList();
            vertical.AddRange(Light(greyColumns, vertical, columns, light, image, minColumnRun).ToList());
        }
        // After both looks: a stack the dark look found is not found again by the light one as a grey line.
        vertical.RemoveAll(v => GlyphStack(v, horizontal, paper, image));
        var result = horizontal.Select(s => ToRuling(s, horizontal: true, image, pageHeightPt)).ToList();
        // A short one is a border only where it meets a horizontal ruling: a large title's strokes meet none.
        var reach = image.ToPoints(image.Dpi / 20.0);
        var lines = result.ToList();
        result.AddRange(vertical.Select(s => ToRuling(s, horizontal: false, image, pageHeightPt))
            .Where(v => v.Length >= image.ToPoints(minRun) || lines.Any(h => Meets(h, v, reach))));
        return result;
    }

    /// <summary>
    /// The light look's strokes that are lines: thin (at most 2 pt, a hairline drawn by any printer or scanned at any
    /// resolution), with paper along most of both sides (a fill's rows have more of the fill beside them), and not a
    /// dark ruling's grey edge seen again: where a dark stroke lies along it, only the stretches beyond the dark one's
    /// ends are kept, each at least <paramref name="minLength"/> long. A dark line's grey edge has none; a table line
    /// printed black in part (under a shaded header cell) and silver beyond it keeps its silver stretch.
    /// </summary>
    private static IEnumerable<Stroke> Light(List<Stroke> strokes, List<Stroke> dark, Axis axis, byte light, PageImage image, int minLength)
    {
        var maxThickness = Math.Max(2, image.Dpi / 36);
        var beside = Hairline(image);
        foreach (var stroke in strokes)
        {
            if (stroke.Thickness > maxThickness) continue;
            var along = dark.Where(d => d.First - beside <= stroke.Last && stroke.First <= d.Last + beside && Math.Min(d.End, stroke.End) > Math.Max(d.Start, stroke.Start))
                .OrderBy(d => d.Start).ToList();
            // A stretch beyond a dark stroke, or a border shorter than minLength, must be grey itself: on a skewed scan a
            // dark line is found in steps, and its grey edge runs on beside the next step; a dark line goes on near it.
            var mustBeGrey = along.Count > 0 || stroke.End - stroke.Start < minLength;
            foreach (var s in Beyond(stroke, along, minLength))
            {
                if (PaperShare(axis, s.First - beside, s, light) < 2.0 / 3 || PaperShare(axis, s.Last + beside, s, light) < 2.0 / 3) continue;
                if (mustBeGrey && DarkShare(axis, s, beside) > MaxDarkShare) continue;
                yield return s;
            }
        }
    }

    /// <summary>The stretches of a stroke beyond the dark strokes along it (sorted by start), each at least minLength long; with none along, the stroke.</summary>
    private static IEnumerable<Stroke> Beyond(Stroke stroke, List<Stroke> along, int minLength)
    {
        if (along.Count == 0)
        {
            yield return stroke;
            yield break;
        }
        var from = stroke.Start;
        foreach (var d in along)
        {
            if (d.Start - 1 - from >= minLength) yield return stroke with { Start = from, End = d.Start - 1 };
            from = Math.Max(from, d.End + 1);
        }
        if (stroke.End - from >= minLength) yield return stroke with { Start = from };
    }

    /// <summary>At most this share of a grey stroke's extent has dark ink beside it (glyphs printed against a grey line, not a dark line).</summary>
    private const double MaxDarkShare = 1.0 / 3;

    /// <summary>The share of the stroke's extent where a pixel of its lines, or of the lines a hairline beside, is dark.</summary>
    private static double DarkShare(Axis axis, Stroke s, int beside)
    {
        var dark = 0;
        for (var j = s.Start; j <= s.End; j++)
            for (var i = Math.Max(0, s.First - beside); i <= Math.Min(axis.Lines - 1, s.Last + beside); i++)
                if (axis.Pixel(i, j) < Dark) { dark++; break; }
        return (double)dark / (s.End - s.Start + 1);
    }

    /// <summary>The share of pixels along line i, over the stroke's extent, lighter than a grey line: paper (the page's edge is paper).</summary>
    private static double PaperShare(Axis axis, int i, Stroke s, byte light)
    {
        if (i < 0 || i >= axis.Lines) return 1;
        var paper = 0;
        for (var j = s.Start; j <= s.End; j++)
            if (axis.Pixel(i, j) >= light) paper++;
        return (double)paper / (s.End - s.Start + 1);
    }

    /// <summary>A scanner's break of a pixel or two, and a hairline's width beside a stroke: a hundredth of an inch, at least 2 px.</summary>
    private static int Hairline(PageImage image) => Math.Max(2, image.Dpi / 100);

    /// <summary>The least height of a table row, in pixels: a tenth of an inch (7 pt), under any row's type and padding.</summary>
    private static int MinRowHeight(PageImage image) => Math.Max(2, image.Dpi / 10);

    /// <summary>
    /// Whether a vertical stroke is glyphs stacked row over row, not a border: in a table set so tight that its type
    /// fills the rows (a wide sheet shrunk onto one page), the uprights of glyphs printed at one place in row after row
    /// (left-aligned words, the same word repeated) come within the run search's bridged break of the rulings between
    /// the rows and read as one line. A border runs through the horizontal rulings it crosses; the stack breaks on both
    /// sides of at least half of them (a glyph above the ruling, paper, the ruling, paper, a glyph below). A real
    /// border's scanner break falls at a crossing, on both sides, only by chance.
    /// </summary>
    private static bool GlyphStack(Stroke v, List<Stroke> horizontal, byte paper, PageImage image)
    {
        var near = Hairline(image);
        byte? light = null;
        int crossings = 0, broken = 0;
        foreach (var h in horizontal)
        {
            if (h.Start > v.First || h.End < v.Last || h.First - near <= v.Start || h.Last + near >= v.End) continue;
            crossings++;
            // Paper is lighter than halfway from the stroke's own ink to the paper: a faint scanned border hovering about
            // the dark threshold goes on in grey where it crosses a ruling, a glyph's gap is paper or a glyph's grey edge.
            light ??= (byte)((StrokeInk(v, image) + paper) / 2);
            if (Breaks(Along(v, h.First - 2 * near, h.First - near - 1, image), h.First - near, h.First - 1, light.Value, image)
                && Breaks(Along(v, h.Last + near + 1, h.Last + 2 * near, image), h.Last + 1, h.Last + near, light.Value, image)) broken++;
        }
        return broken > 0 && 2 * broken >= crossings;
    }

    /// <summary>The stroke's ink: the median over its rows of the darkest pixel across it.</summary>
    private static int StrokeInk(Stroke v, PageImage image)
    {
        var darkest = new int[v.End - v.Start + 1];
        for (var y = v.Start; y <= v.End; y++)
        {
            var least = 255;
            for (var x = v.First; x <= v.Last; x++) least = Math.Min(least, image[x, y]);
            darkest[y - v.Start] = least;
        }
        Array.Sort(darkest);
        return darkest[darkest.Length / 2];
    }

    /// <summary>
    /// Where the stroke lies between rows from and to: its columns moved by up to two pixels to where the ink is
    /// darkest there (a skewed scan's line drifts a pixel every hundred rows or so; the stroke's columns are its
    /// average place).
    /// </summary>
    private static (int First, int Last) Along(Stroke v, int from, int to, PageImage image)
    {
        var width = v.Last - v.First;
        var (best, least) = (v.First, long.MaxValue);
        for (var x0 = Math.Max(0, v.First - 2); x0 <= Math.Min(image.Width - 1 - width, v.First + 2); x0++)
        {
            long sum = 0;
            for (var y = Math.Max(0, from); y <= Math.Min(image.Height - 1, to); y++)
                for (var x = x0; x <= x0 + width; x++) sum += image[x, y];
            if (sum < least) (best, least) = (x0, sum);
        }
        return (best, best + width);
    }

    /// <summary>Whether columns first..last have a row of paper (none of them darker than light) between rows from and to.</summary>
    private static bool Breaks((int First, int Last) columns, int from, int to, byte light, PageImage image)
    {
        for (var y = Math.Max(0, from); y <= Math.Min(image.Height - 1, to); y++)
        {
            var clear = true;
            for (var x = columns.First; x <= columns.Last && clear; x++) clear = image[x, y] >= light;
            if (clear) return true;
        }
        return false;
    }

    /// <summary>
    /// Whether a vertical stroke runs from a horizontal stroke's band to another's: its ends lie within the lines'
    /// thickness (a scanner's break of a pixel or two allowed) and its column within their length.
    /// </summary>
    private static bool Closed(Stroke v, List<Stroke> horizontal, PageImage image)
    {
        var slack = Hairline(image);
        bool Touches(Stroke h, int y) => y >= h.First - slack && y <= h.Last + slack && v.First >= h.Start - slack && v.Last <= h.End + slack;
        return horizontal.Any(h => Touches(h, v.Start)) && horizontal.Any(h => Touches(h, v.End));
    }

    private static bool Meets(Ruling h, Ruling v, double reach)
    {
        var x = v.X1;
        double hy = h.Y1, vLow = Math.Min(v.Y1, v.Y2), vHigh = Math.Max(v.Y1, v.Y2);
        return x >= Math.Min(h.X1, h.X2) - reach && x <= Math.Max(h.X1, h.X2) + reach
            && (Math.Abs(hy - vLow) <= reach || Math.Abs(hy - vHigh) <= reach);
    }

    /// <summary>Runs (line index, start, end) of pixels darker than <paramref name="ink"/> at least minRun long, tolerating 2-pixel breaks.</summary>
    private static List<(int Line, int Start, int End)> Runs(Axis axis, byte ink, int minRun)
    {
        var runs = new List<(int, int, int)>();
        for (var i = 0; i < axis.Lines; i++)
        {
            int start = -1, gap = 0;
            for (var j = 0; j <= axis.Length; j++)
            {
                var dark = j < axis.Length && axis.Pixel(i, j) < ink;
                if (dark) { if (start < 0) start = j; gap = 0; continue; }
                if (start < 0) continue;
                if (++gap <= 2 && j < axis.Length) continue;
                var end = j - gap;
                if (end - start >= minRun) runs.Add((i, start, end));
                start = -1; gap = 0;
            }
        }
        return runs;
    }

    private static List<Stroke> Merge(List<(int Line, int Start, int End)> runs, PageImage image)
    {
        var strokes = new List<Stroke>();
        var used = new bool[runs.Count];
        for (var a = 0; a < runs.Count; a++)
        {
            if (used[a]) continue;
            var (line, start, end) = runs[a];
            var last = line;
            for (var b = a + 1; b < runs.Count && runs[b].Line <= last + 1; b++)
            {
                if (used[b] || runs[b].Line != last + 1 && runs[b].Line != last) continue;
                if (Math.Abs(runs[b].Start - start) > image.Dpi / 10 || Math.Abs(runs[b].End - end) > image.Dpi / 10) continue;
                used[b] = true;
                last = runs[b].Line;
            }
            strokes.Add(new Stroke(line, last, start, end));
        }
        return strokes;
    }

    private static Ruling ToRuling(Stroke s, bool horizontal, PageImage image, double pageHeightPt)
    {
        var mid = image.ToPoints((s.First + s.Last) / 2.0 + 0.5);
        double start = image.ToPoints(s.Start), end = image.ToPoints(s.End);
        return horizontal
            ? new Ruling(start, pageHeightPt - mid, end, pageHeightPt - mid)
            : new Ruling(mid, pageHeightPt - end, mid, pageHeightPt - start);
    }
}
