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
    public const string Version = "rulings-3";

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
        // A table of one row (a header printed alone at a page's foot, the rest of its table over the page) has column
        // borders shorter still, a row's height. Such a stroke is a border only where it runs unbroken from one table
        // line into the next: a glyph's stroke in a cell stops short of the lines around it by the cell's padding.
        var vertical = Merge(Runs(columns, Dark, MinRowHeight(image)), image)
            .Where(v => v.End - v.Start >= minColumnRun || Closed(v, horizontal, image)).ToList();
        var paper = image.PaperShade();
        if (paper >= MinPaper)
        {
            var light = (byte)Math.Round(paper - (paper - Dark) * LightShare);
            horizontal.AddRange(Light(Merge(Runs(rows, light, minRun), image), horizontal, rows, light, image).ToList());
            vertical.AddRange(Light(Merge(Runs(columns, light, minColumnRun), image), vertical, columns, light, image).ToList());
        }
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
    /// dark ruling's grey edge seen again.
    /// </summary>
    private static IEnumerable<Stroke> Light(List<Stroke> strokes, List<Stroke> dark, Axis axis, byte light, PageImage image)
    {
        var maxThickness = Math.Max(2, image.Dpi / 36);
        var beside = Math.Max(2, image.Dpi / 100);
        foreach (var s in strokes)
        {
            if (s.Thickness > maxThickness) continue;
            if (dark.Any(d => d.First - beside <= s.Last && s.First <= d.Last + beside && Math.Min(d.End, s.End) > Math.Max(d.Start, s.Start))) continue;
            if (PaperShare(axis, s.First - beside, s, light) < 2.0 / 3 || PaperShare(axis, s.Last + beside, s, light) < 2.0 / 3) continue;
            yield return s;
        }
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

    /// <summary>The least height of a table row, in pixels: a tenth of an inch (7 pt), under any row's type and padding.</summary>
    private static int MinRowHeight(PageImage image) => Math.Max(2, image.Dpi / 10);

    /// <summary>
    /// Whether a vertical stroke runs from a horizontal stroke's band to another's: its ends lie within the lines'
    /// thickness (a scanner's break of a pixel or two allowed) and its column within their length.
    /// </summary>
    private static bool Closed(Stroke v, List<Stroke> horizontal, PageImage image)
    {
        var slack = Math.Max(2, image.Dpi / 100);
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
