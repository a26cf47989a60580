using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Paints a page's table borders white, line by line as printed, keeping what touches them. Each ruling is followed
/// cross-section by cross-section: the run of ink that holds the line (its grey fringe included) is painted where it is
/// as thick as the line itself; where it is thicker, a glyph touches the line — a figure printed against a column
/// border, a wrapped line running past a cell's bottom — and only the line's own width is painted, so that the glyph
/// keeps its stroke. (A fixed band around each ruling took the left stroke of a 9 or a 2 printed against the border,
/// and the recogniser read what was left, surely: 95 as 35, 2 as 1.)
/// </summary>
public sealed class RulingEraser(RulingEraserOptions? options = null)
{
    /// <summary>What changes the erased image (and so what is read from it): part of the OCR cache's key.</summary>
    public const string Version = "erased-as-printed-2";

    public RulingEraserOptions Options { get; } = options ?? RulingEraserOptions.Default;

    public PageImage Erase(PageImage image, IEnumerable<Ruling> rulings, double pageHeightPt)
    {
        var copy = image.Pixels.ToArray();
        var reach = Math.Max(2, (int)Math.Round(Options.ReachInches * image.Dpi));
        var fringe = Math.Max(1, (int)Math.Round(Options.FringeInches * image.Dpi));
        var paper = image.PaperShade();
        var ink = (byte)Math.Round(paper * (1 - Options.InkShare));
        foreach (var r in rulings)
        {
            var horizontal = Math.Abs(r.Y1 - r.Y2) <= Math.Abs(r.X1 - r.X2);
            // Along: x for a horizontal ruling, y for a vertical one; across: the other.
            int from, to, centre;
            if (horizontal)
            {
                (from, to) = (image.ToPixels(Math.Min(r.X1, r.X2)) - reach, image.ToPixels(Math.Max(r.X1, r.X2)) + reach);
                centre = image.ToPixels(pageHeightPt - (r.Y1 + r.Y2) / 2);
            }
            else
            {
                (from, to) = (image.ToPixels(pageHeightPt - Math.Max(r.Y1, r.Y2)) - reach, image.ToPixels(pageHeightPt - Math.Min(r.Y1, r.Y2)) + reach);
                centre = image.ToPixels((r.X1 + r.X2) / 2);
            }
            var length = horizontal ? image.Width : image.Height;
            var across = horizontal ? image.Height : image.Width;
            from = Math.Max(0, from);
            to = Math.Min(length - 1, to);
            if (to < from) continue;
            Erase(copy, image.Width, horizontal, from, to, centre, across, reach, fringe, ink);
        }
        return image.With(copy);
    }

    /// <summary>One ruling: its ink run at every position along it measured, then painted (all of it, or the line's width).</summary>
    private void Erase(byte[] pixels, int width, bool horizontal, int from, int to, int centre, int across, int reach, int fringe, byte ink)
    {
        int Index(int along, int at) => horizontal ? at * width + along : along * width + at;
        bool Ink(int along, int at) => at >= 0 && at < across && pixels[Index(along, at)] < ink;
        var count = to - from + 1;
        var lows = new int[count];
        var highs = new int[count];
        var thicknesses = new List<int>();
        // A run is followed no further than a glyph's height past the band: longer, it is all touched anyway.
        var limit = 4 * reach;
        for (var i = 0; i < count; i++)
        {
            var along = from + i;
            lows[i] = highs[i] = int.MinValue;
            // The ink nearest the detected centre, within reach (none: the line breaks here, as a scanned line may).
            var seed = int.MinValue;
            for (var d = 0; d <= reach && seed == int.MinValue; d++)
                if (Ink(along, centre - d)) seed = centre - d;
                else if (Ink(along, centre + d)) seed = centre + d;
            if (seed == int.MinValue) continue;
            int low = seed, high = seed;
            while (low > seed - limit && Ink(along, low - 1)) low--;
            while (high < seed + limit && Ink(along, high + 1)) high++;
            (lows[i], highs[i]) = (low, high);
            thicknesses.Add(high - low + 1);
        }
        if (thicknesses.Count == 0) return;
        thicknesses.Sort();
        var thickness = thicknesses[thicknesses.Count / 2];
        bool Clean(int i) => lows[i] != int.MinValue && highs[i] - lows[i] + 1 <= thickness + Options.TouchSlack;
        // Where a glyph touches the line, the line lies where it lies at the nearest clean cross-section.
        var lastClean = new int[count];
        var nextClean = new int[count];
        for (int i = 0, last = -1; i < count; i++) { if (Clean(i)) last = i; lastClean[i] = last; }
        for (int i = count - 1, next = -1; i >= 0; i--) { if (Clean(i)) next = i; nextClean[i] = next; }
        for (var i = 0; i < count; i++)
        {
            if (lows[i] == int.MinValue) continue;
            int low = lows[i], high = highs[i];
            bool freeBelow = true, freeAbove = true;
            if (!Clean(i))
            {
                var near = lastClean[i] < 0 ? nextClean[i]
                    : nextClean[i] < 0 || i - lastClean[i] <= nextClean[i] - i ? lastClean[i] : nextClean[i];
                var middle = near < 0 ? centre : (lows[near] + highs[near]) / 2;
                var coreLow = Math.Max(low, middle - thickness / 2);
                var coreHigh = Math.Min(high, coreLow + thickness - 1);
                (freeBelow, freeAbove) = (low >= coreLow - Options.TouchSlack, high <= coreHigh + Options.TouchSlack);
                (low, high) = (freeBelow ? low : coreLow, freeAbove ? high : coreHigh);
            }
            var along = from + i;
            for (var at = Math.Max(0, low); at <= Math.Min(across - 1, high); at++)
                pixels[Index(along, at)] = 255;
            // The faint edge beyond the ink, on a side where nothing touches the line, up to the first ink (a glyph's).
            for (var at = low - 1; freeBelow && at >= Math.Max(0, low - fringe) && !Ink(along, at); at--)
                pixels[Index(along, at)] = 255;
            for (var at = high + 1; freeAbove && at <= Math.Min(across - 1, high + fringe) && !Ink(along, at); at++)
                pixels[Index(along, at)] = 255;
        }
    }
}
