namespace Extractor.Ocr.PpOcr;

/// <summary>
/// A text region in image pixels (origin top-left, y down): a rectangle of <see cref="Width"/> along the reading
/// direction and <see cref="Height"/> across it, turned by <see cref="Angle"/> radians about its centre. Its width
/// axis is kept within ±45° of the x axis, so a line of text printed upright has Width ≥ Height and a sideways one
/// (a page scanned turned a quarter) has Height well above Width.
/// </summary>
public readonly record struct RotatedBox(double CentreX, double CentreY, double Width, double Height, double Angle)
{
    /// <summary>Unit vector along the width (reading) axis.</summary>
    public (double X, double Y) U => (Math.Cos(Angle), Math.Sin(Angle));

    /// <summary>Unit vector along the height axis (downwards for an upright box).</summary>
    public (double X, double Y) V => (-Math.Sin(Angle), Math.Cos(Angle));

    /// <summary>A point given in the box's own frame (u from the left edge, v from the top edge) in image pixels.</summary>
    public (double X, double Y) At(double u, double v)
    {
        var (ux, uy) = U;
        var (vx, vy) = V;
        double du = u - Width / 2, dv = v - Height / 2;
        return (CentreX + du * ux + dv * vx, CentreY + du * uy + dv * vy);
    }

    /// <summary>The axis-aligned bounds: left, top, right, bottom.</summary>
    public (double Left, double Top, double Right, double Bottom) Bounds
    {
        get
        {
            var (ux, uy) = U;
            var (vx, vy) = V;
            double hx = Math.Abs(ux) * Width / 2 + Math.Abs(vx) * Height / 2, hy = Math.Abs(uy) * Width / 2 + Math.Abs(vy) * Height / 2;
            return (CentreX - hx, CentreY - hy, CentreX + hx, CentreY + hy);
        }
    }

    public bool Contains(double x, double y)
    {
        var (ux, uy) = U;
        var (vx, vy) = V;
        double dx = x - CentreX, dy = y - CentreY;
        return Math.Abs(dx * ux + dy * uy) <= Width / 2 && Math.Abs(dx * vx + dy * vy) <= Height / 2;
    }

    /// <summary>Grown by <paramref name="distance"/> on every side (a rectangle offset outwards, then boxed again).</summary>
    public RotatedBox Grow(double distance) => this with { Width = Width + 2 * distance, Height = Height + 2 * distance };

    public RotatedBox Scale(double factor) =>
        new(CentreX * factor, CentreY * factor, Width * factor, Height * factor, Angle);

    /// <summary>
    /// The rectangle of least area around the points (rotating calipers over their convex hull): the box of a
    /// detected text region, tilted with the line when the scan is skewed.
    /// </summary>
    public static RotatedBox MinimumArea(IReadOnlyList<(double X, double Y)> points)
    {
        var hull = ConvexHull(points);
        if (hull.Count == 1) return new RotatedBox(hull[0].X, hull[0].Y, 0, 0, 0);
        var best = (Area: double.MaxValue, Box: default(RotatedBox));
        for (var i = 0; i < hull.Count; i++)
        {
            var (ax, ay) = hull[i];
            var (bx, by) = hull[(i + 1) % hull.Count];
            var length = Math.Sqrt((bx - ax) * (bx - ax) + (by - ay) * (by - ay));
            if (length == 0) continue;
            double ux = (bx - ax) / length, uy = (by - ay) / length;
            double minU = double.MaxValue, maxU = double.MinValue, minV = double.MaxValue, maxV = double.MinValue;
            foreach (var (x, y) in hull)
            {
                double u = x * ux + y * uy, v = -x * uy + y * ux;
                (minU, maxU, minV, maxV) = (Math.Min(minU, u), Math.Max(maxU, u), Math.Min(minV, v), Math.Max(maxV, v));
            }
            var area = (maxU - minU) * (maxV - minV);
            if (area >= best.Area) continue;
            double cu = (minU + maxU) / 2, cv = (minV + maxV) / 2;
            var box = new RotatedBox(cu * ux - cv * uy, cu * uy + cv * ux, maxU - minU, maxV - minV, Math.Atan2(uy, ux));
            best = (area, Upright(box));
        }
        return best.Box;
    }

    /// <summary>The same rectangle described with its width axis within ±45° of the x axis.</summary>
    private static RotatedBox Upright(RotatedBox box)
    {
        var angle = box.Angle;
        double width = box.Width, height = box.Height;
        while (angle > Math.PI / 4) { angle -= Math.PI / 2; (width, height) = (height, width); }
        while (angle <= -Math.PI / 4) { angle += Math.PI / 2; (width, height) = (height, width); }
        return box with { Width = width, Height = height, Angle = angle };
    }

    /// <summary>Andrew's monotone chain; collinear points dropped, counter-clockwise in a y-up frame.</summary>
    internal static List<(double X, double Y)> ConvexHull(IReadOnlyList<(double X, double Y)> points)
    {
        var sorted = points.Distinct().OrderBy(p => p.X).ThenBy(p => p.Y).ToList();
        if (sorted.Count < 3) return sorted;
        var hull = new List<(double X, double Y)>(2 * sorted.Count);
        static double Cross((double X, double Y) o, (double X, double Y) a, (double X, double Y) b) =>
            (a.X - o.X) * (b.Y - o.Y) - (a.Y - o.Y) * (b.X - o.X);
        foreach (var p in sorted)
        {
            while (hull.Count >= 2 && Cross(hull[^2], hull[^1], p) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(p);
        }
        var lower = hull.Count + 1;
        for (var i = sorted.Count - 2; i >= 0; i--)
        {
            while (hull.Count >= lower && Cross(hull[^2], hull[^1], sorted[i]) <= 0) hull.RemoveAt(hull.Count - 1);
            hull.Add(sorted[i]);
        }
        hull.RemoveAt(hull.Count - 1);
        return hull;
    }
}
