using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Ruling lines from a scanned page by run lengths: a long run of dark pixels along a row (or a column)
/// is a table border. Neighbouring rows of one thick line are merged into one ruling.
/// </summary>
public static class ImageRulingDetector
{
    private const byte Dark = 128;

    public static IReadOnlyList<Ruling> Detect(PageImage image, double pageHeightPt)
    {
        var minRun = image.Dpi; // one inch: longer than any glyph stroke
        // Column borders of a short table (a 三公 table of three rows) are under an inch tall; a third of an
        // inch is still taller than a glyph at body sizes, and text lines never stack without a gap.
        var minColumnRun = image.Dpi / 3;
        var result = new List<Ruling>();
        result.AddRange(Merge(Runs(image.Height, image.Width, (i, j) => image[j, i], minRun), horizontal: true, image, pageHeightPt));
        var vertical = Merge(Runs(image.Width, image.Height, (i, j) => image[i, j], minColumnRun), horizontal: false, image, pageHeightPt).ToList();
        // A short one is a border only where it meets a horizontal ruling: a large title's strokes meet none.
        var reach = image.ToPoints(image.Dpi / 20.0);
        result.AddRange(vertical.Where(v => v.Length >= image.ToPoints(minRun) || result.Any(h => Meets(h, v, reach))));
        return result;
    }

    private static bool Meets(Ruling h, Ruling v, double reach)
    {
        var x = v.X1;
        double hy = h.Y1, vLow = Math.Min(v.Y1, v.Y2), vHigh = Math.Max(v.Y1, v.Y2);
        return x >= Math.Min(h.X1, h.X2) - reach && x <= Math.Max(h.X1, h.X2) + reach
            && (Math.Abs(hy - vLow) <= reach || Math.Abs(hy - vHigh) <= reach);
    }

    /// <summary>Runs (line index, start, end) of dark pixels at least minRun long, tolerating 2-pixel breaks.</summary>
    private static List<(int Line, int Start, int End)> Runs(int lines, int length, Func<int, int, byte> pixel, int minRun)
    {
        var runs = new List<(int, int, int)>();
        for (var i = 0; i < lines; i++)
        {
            int start = -1, gap = 0;
            for (var j = 0; j <= length; j++)
            {
                var dark = j < length && pixel(i, j) < Dark;
                if (dark) { if (start < 0) start = j; gap = 0; continue; }
                if (start < 0) continue;
                if (++gap <= 2 && j < length) continue;
                var end = j - gap;
                if (end - start >= minRun) runs.Add((i, start, end));
                start = -1; gap = 0;
            }
        }
        return runs;
    }

    private static IEnumerable<Ruling> Merge(List<(int Line, int Start, int End)> runs, bool horizontal, PageImage image, double pageHeightPt)
    {
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
            var mid = image.ToPoints((line + last) / 2.0 + 0.5);
            double s = image.ToPoints(start), e = image.ToPoints(end);
            yield return horizontal
                ? new Ruling(s, pageHeightPt - mid, e, pageHeightPt - mid)
                : new Ruling(mid, pageHeightPt - e, mid, pageHeightPt - s);
        }
    }
}
