namespace Extractor.Ocr;

/// <summary>
/// Reads a lone comparison sign from the shape of its ink. Performance forms print the comparison (≥ ≤ =, usually the
/// slanted ⩾ ⩽ of Song typefaces) alone in its own cell; a text recogniser, trained on lines of text, reads such a lone
/// glyph as M, W, V, = or > and is rarely sure. The signs are few and made of straight strokes: a chevron (two straight
/// arms meeting at a tip halfway down), a bar (a stroke several times longer than thick), and = two level bars of one
/// length. The glyph's strokes are its blobs of ink near the line; a sign is named only when they are exactly one of
/// chevron; chevron over a bar; two equal bars. Anything else (a letter, a figure, 一, 二, strokes run together at a low
/// resolution) names nothing.
/// </summary>
public sealed class ComparisonSignShape(ComparisonSignOptions? options = null)
{
    public ComparisonSignOptions Options { get; } = options ?? new ComparisonSignOptions();

    /// <summary>A comparison sign as a recogniser may give it (≥ ≤ = > <, the slanted ⩾ ⩽, the doubled ≧ ≦).</summary>
    public static bool IsSign(string text) => text is "≥" or "≤" or "=" or ">" or "<" or "⩾" or "⩽" or "≧" or "≦";

    /// <summary>The sign (≥ ≤ = > <) whose ink is inside or against the rectangle (image pixels), or null.</summary>
    public string? Read(PageImage image, double left, double top, double right, double bottom)
    {
        if (bottom <= top || right <= left) return null;
        // Strokes joined only by their grey (a rasterised hairline's trailing steps, ='s bars a pixel apart) stand
        // apart at a darker look.
        return Look(image, left, top, right, bottom, Options.InkDepth) ?? Look(image, left, top, right, bottom, Options.MidInkDepth)
            ?? Look(image, left, top, right, bottom, Options.DarkInkDepth);
    }

    /// <summary>
    /// The sign in a text detector's box: read at the box, and when that names nothing, at the box's middle half. The
    /// detector grows a glyph's box by a margin (DB's unclip: a square glyph of side s by 0.375 s each side at PaddleOCR's
    /// ratio 1.5), so the middle half lies on the glyph; and a glyph's strokes are gathered around the rectangle in
    /// proportion to its size: in a grid whose rows are little taller than their signs, or beside type printed against
    /// the column border, a loose box's search takes in the signs of the rows above and below or the neighbour's glyph,
    /// and that is no sign.
    /// </summary>
    public string? ReadInBox(PageImage image, double left, double top, double right, double bottom)
    {
        if (Read(image, left, top, right, bottom) is { } sign) return sign;
        double w = (right - left) / 4, h = (bottom - top) / 4;
        return Read(image, left + w, top + h, right - w, bottom - h);
    }

    private string? Look(PageImage image, double left, double top, double right, double bottom, double depth)
    {
        var sign = Glyph(image, left, top, right, bottom, depth) is { } strokes ? Name(strokes) : null;
        // A chevron alone is > or < only if no fainter stroke lies with it: ≥'s bar printed or scanned lighter than
        // its chevron would otherwise leave a > that the page does not print.
        if (sign is ">" or "<" && (Glyph(image, left, top, right, bottom, Options.FaintInkDepth) is not { } faint || Name(faint) != sign)) return null;
        return sign;
    }

    /// <summary>
    /// The strokes of the glyph at the rectangle (blobs of pixels darker than the paper by <paramref name="depth"/> of
    /// the way to black), or null.
    /// </summary>
    private List<Blob>? Glyph(PageImage image, double left, double top, double right, double bottom, double depth)
    {
        var o = Options;
        var reach = 2 * o.StrokeGap * Math.Max(bottom - top, right - left);
        int x0 = Math.Max(0, (int)Math.Floor(left - reach)), y0 = Math.Max(0, (int)Math.Floor(top - reach));
        int x1 = Math.Min(image.Width, (int)Math.Ceiling(right + reach)), y1 = Math.Min(image.Height, (int)Math.Ceiling(bottom + reach));
        var speck = image.Dpi / o.SpeckDivisor;
        var paper = Paper(image, x0, y0, x1, y1);
        // A speck is a blob of fewer pixels than a square a speck wide; at the dark look, where a hairline's core is a
        // pixel thick, one less long than a speck.
        var minPixels = depth >= o.DarkInkDepth ? Math.Max(3, speck) : Math.Max(3, speck * speck);
        var blobs = Blobs(image, x0, y0, x1, y1, (byte)Math.Round(paper * (1 - depth)), minPixels);
        var glyph = blobs.Where(b => b.Left <= right && b.Right >= left && b.Top <= bottom && b.Bottom >= top).ToList();
        if (glyph.Count == 0) return null;
        // The glyph's other strokes: blobs near it (≥'s bar may lie below a region drawn round the chevron alone).
        for (var grown = true; grown;)
        {
            grown = false;
            var g = Bounds(glyph);
            var gap = o.StrokeGap * (Math.Max(g.Bottom - g.Top, g.Right - g.Left) + 1);
            foreach (var b in blobs.Except(glyph).ToList())
                if (b.Left <= g.Right + gap && b.Right >= g.Left - gap && b.Top <= g.Bottom + gap && b.Bottom >= g.Top - gap) { glyph.Add(b); grown = true; }
        }
        var all = Bounds(glyph);
        // Strokes reaching the edge of the searched region belong to something larger than a lone glyph.
        if (all.Left <= x0 && x0 > 0 || all.Top <= y0 && y0 > 0 || all.Right >= x1 - 1 && x1 < image.Width || all.Bottom >= y1 - 1 && y1 < image.Height) return null;
        return Math.Max(all.Bottom - all.Top, all.Right - all.Left) + 1 < image.Dpi / o.MinSizeDivisor ? null : glyph;
    }

    private string? Name(List<Blob> strokes)
    {
        var o = Options;
        if (strokes.Count == 1)
            return Chevron(strokes[0], pointsRight: true) ? ">" : Chevron(strokes[0], pointsRight: false) ? "<" : null;
        if (strokes.Count != 2) return null;
        var (upper, lower) = strokes[0].CentreY <= strokes[1].CentreY ? (strokes[0], strokes[1]) : (strokes[1], strokes[0]);
        foreach (var right in new[] { true, false })
        {
            if (!Chevron(upper, right) || !Bar(lower)) continue;
            // Under the chevron, about as wide, level or slanted like its lower arm (rising towards the tip).
            var slant = -lower.Angle * (right ? 1 : -1);
            if (lower.CentreY <= upper.CentreY || slant < -o.MaxEqualsBarSlant || slant > o.MaxUnderBarSlant) return null;
            if (Overlap(upper, lower) < o.MinUnderBarWidth * upper.Width || lower.Width < o.MinUnderBarWidth * upper.Width) return null;
            // ... and the chevron about as wide as the bar: a 2's hook seen alone at a dark look is a narrow chevron over its base.
            if (upper.Width < o.MinUnderBarWidth * lower.Width) return null;
            return right ? "≥" : "≤";
        }
        if (Bar(upper) && Bar(lower) && Math.Abs(upper.Angle) <= o.MaxEqualsBarSlant && Math.Abs(lower.Angle) <= o.MaxEqualsBarSlant
            && Math.Min(upper.Width, lower.Width) >= o.MinEqualsBarRatio * Math.Max(upper.Width, lower.Width)
            && Overlap(upper, lower) >= o.MinEqualsBarRatio * Math.Min(upper.Width, lower.Width)
            && upper.Bottom < lower.Top && lower.CentreY - upper.CentreY <= Math.Max(upper.Width, lower.Width))
            return "=";
        return null;
    }

    private static int Overlap(Blob a, Blob b) => Math.Max(0, Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left) + 1);

    /// <summary>A straight stroke, several times longer than thick, nearer level than upright.</summary>
    private bool Bar(Blob b) => b.Elongation >= Options.MinBarElongation && Math.Abs(b.Angle) <= 45;

    /// <summary>
    /// Two straight arms from the open side's top and bottom to a tip on the other side about halfway down: row by row,
    /// the ink's middle moves steadily towards the tip and steadily back.
    /// </summary>
    private bool Chevron(Blob b, bool pointsRight)
    {
        var o = Options;
        int w = b.Width, h = b.Height;
        if (h < 5 || w < o.MinChevronWidth * h || w > o.MaxChevronWidth * h) return false;
        // Each row's ink, measured from the open side.
        var middle = new double[h];
        var far = new int[h];
        for (var r = 0; r < h; r++)
        {
            var xs = b.Rows[r];
            if (xs.Count == 0) return false;
            var from = xs.Select(x => pointsRight ? x - b.Left : b.Right - x).ToList();
            middle[r] = from.Average();
            far[r] = from.Max();
        }
        var tipRows = Enumerable.Range(0, h).Where(r => far[r] >= w - 1 - Math.Max(1, w / 10)).ToList();
        // One tip: the rows reaching the pointed side lie together (a row's break allowed). ⩽'s bar run into its
        // chevron in grey reaches that side again at the foot, and averaged in it would set the tip between the two.
        if (tipRows.Zip(tipRows.Skip(1)).Any(p => p.Second - p.First > 2)) return false;
        var tip = (int)Math.Round(tipRows.Average());
        if (tip < o.MinTipHeight * (h - 1) || tip > o.MaxTipHeight * (h - 1)) return false;
        // Away from the tip each row crosses one arm: one run of ink, no wider than twice the usual. Strokes run
        // together (≥'s bar joined to its chevron at a low resolution) cross a row twice or thickly.
        var runs = Enumerable.Range(0, h).Select(r => Runs(b.Rows[r])).ToList();
        var usual = runs.Select(r => r.Max(x => x.Length)).Order().ElementAt(h / 2);
        for (var r = 0; r < h; r++)
            if (Math.Abs(r - tip) > h / 6 && (runs[r].Count > 1 || runs[r][0].Length > 2 * usual)) return false;
        var end = Math.Max(1, h / 10);
        if (Enumerable.Range(0, end).Any(r => middle[r] > o.MaxEndReach * w) || Enumerable.Range(h - end, end).Any(r => middle[r] > o.MaxEndReach * w)) return false;
        return Straight(middle, 0, tip, rising: true, w) && Straight(middle, tip, h - 1, rising: false, w);
    }

    /// <summary>Rows <paramref name="from"/>..<paramref name="to"/> of an arm: a straight line towards (or away from) the tip.</summary>
    private bool Straight(double[] middle, int from, int to, bool rising, int width)
    {
        // The rows next to the tip, where the two arms meet, are left out of the fit.
        var rows = Enumerable.Range(from, to - from + 1).Where(r => Math.Abs(r - (rising ? to : from)) > (to - from) / 6).ToList();
        if (rows.Count < 3) return false;
        double mx = rows.Average(), my = rows.Average(r => middle[r]);
        double sxx = rows.Sum(r => (r - mx) * (r - mx)), sxy = rows.Sum(r => (r - mx) * (middle[r] - my));
        var slope = sxy / sxx;
        if (rising ? slope <= 0 : slope >= 0) return false;
        var worst = rows.Max(r => Math.Abs(middle[r] - (my + slope * (r - mx))));
        return worst <= Options.MaxArmDeviation * width + 1;
    }

    /// <summary>The bounds of the ink (darker than the paper by <see cref="ComparisonSignOptions.InkDepth"/>) in a rectangle, or null.</summary>
    public (int Left, int Top, int Right, int Bottom)? InkBounds(PageImage image, int left, int top, int right, int bottom)
    {
        left = Math.Max(0, left); top = Math.Max(0, top); right = Math.Min(image.Width, right); bottom = Math.Min(image.Height, bottom);
        if (right <= left || bottom <= top) return null;
        var ink = (byte)Math.Round(Paper(image, left, top, right, bottom) * (1 - Options.InkDepth));
        return image.InkBounds(left, top, right, bottom, ink)?.Bounds;
    }

    /// <summary>The paper's shade around the glyph: the rectangle's most common grey.</summary>
    private static int Paper(PageImage image, int x0, int y0, int x1, int y1)
    {
        var counts = new int[256];
        for (var y = y0; y < y1; y++)
            for (var x = x0; x < x1; x++)
                counts[image[x, y]]++;
        return Array.IndexOf(counts, counts.Max());
    }

    /// <summary>The runs of consecutive ink pixels of one row (the x of its pixels).</summary>
    private static List<(int Start, int Length)> Runs(List<int> xs)
    {
        var sorted = xs.Order().ToList();
        var runs = new List<(int Start, int Length)>();
        foreach (var x in sorted)
            if (runs.Count > 0 && runs[^1].Start + runs[^1].Length == x) runs[^1] = (runs[^1].Start, runs[^1].Length + 1);
            else runs.Add((x, 1));
        return runs;
    }

    private static (int Left, int Top, int Right, int Bottom) Bounds(IEnumerable<Blob> blobs) =>
        (blobs.Min(b => b.Left), blobs.Min(b => b.Top), blobs.Max(b => b.Right), blobs.Max(b => b.Bottom));

    /// <summary>The 8-connected blobs of ink in a rectangle, specks left out.</summary>
    private static List<Blob> Blobs(PageImage image, int x0, int y0, int x1, int y1, byte inkBelow, int minPixels)
    {
        int w = x1 - x0, h = y1 - y0;
        var seen = new bool[w * h];
        var blobs = new List<Blob>();
        var stack = new Stack<(int X, int Y)>();
        for (var y = 0; y < h; y++)
            for (var x = 0; x < w; x++)
            {
                if (seen[y * w + x] || image[x0 + x, y0 + y] >= inkBelow) continue;
                var pixels = new List<(int X, int Y)>();
                seen[y * w + x] = true;
                stack.Push((x, y));
                while (stack.Count > 0)
                {
                    var (px, py) = stack.Pop();
                    pixels.Add((x0 + px, y0 + py));
                    for (var dy = -1; dy <= 1; dy++)
                        for (var dx = -1; dx <= 1; dx++)
                        {
                            int nx = px + dx, ny = py + dy;
                            if (nx < 0 || ny < 0 || nx >= w || ny >= h || seen[ny * w + nx] || image[x0 + nx, y0 + ny] >= inkBelow) continue;
                            seen[ny * w + nx] = true;
                            stack.Push((nx, ny));
                        }
                }
                if (pixels.Count >= minPixels) blobs.Add(new Blob(pixels));
            }
        return blobs;
    }

    /// <summary>One blob of ink: its pixels by row, bounds, and the direction and elongation of its spread (second moments).</summary>
    private sealed class Blob
    {
        public int Left { get; }
        public int Top { get; }
        public int Right { get; }
        public int Bottom { get; }
        public int Width => Right - Left + 1;
        public int Height => Bottom - Top + 1;
        public double CentreY { get; }

        /// <summary>The main axis's angle to the level, degrees in (−90, 90], positive when it falls to the right (y down).</summary>
        public double Angle { get; }

        /// <summary>How much longer than thick: the square root of the spread's two principal variances' ratio.</summary>
        public double Elongation { get; }

        /// <summary>The x of each ink pixel, row by row from the top.</summary>
        public List<int>[] Rows { get; }

        public Blob(List<(int X, int Y)> pixels)
        {
            Left = pixels.Min(p => p.X); Right = pixels.Max(p => p.X);
            Top = pixels.Min(p => p.Y); Bottom = pixels.Max(p => p.Y);
            Rows = Enumerable.Range(0, Height).Select(_ => new List<int>()).ToArray();
            foreach (var (x, y) in pixels) Rows[y - Top].Add(x);
            double mx = pixels.Average(p => p.X), my = pixels.Average(p => p.Y);
            CentreY = my;
            double cxx = pixels.Average(p => (p.X - mx) * (p.X - mx)), cyy = pixels.Average(p => (p.Y - my) * (p.Y - my));
            double cxy = pixels.Average(p => (p.X - mx) * (p.Y - my));
            var angle = 0.5 * Math.Atan2(2 * cxy, cxx - cyy);
            Angle = angle * 180 / Math.PI;
            var spread = Math.Sqrt((cxx - cyy) * (cxx - cyy) / 4 + cxy * cxy);
            double major = (cxx + cyy) / 2 + spread, minor = (cxx + cyy) / 2 - spread;
            // A stroke one pixel thick still has a spread of 1/12 across it (its pixels' own width).
            Elongation = Math.Sqrt(major / Math.Max(minor, 1.0 / 12));
        }
    }
}
