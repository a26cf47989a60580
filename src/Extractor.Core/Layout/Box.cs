namespace Extractor.Core.Layout;

/// <summary>An axis-aligned rectangle in PDF points, origin bottom-left (PDF user space, after page rotation).</summary>
public readonly record struct Box(double Left, double Bottom, double Right, double Top)
{
    public double Width => Right - Left;
    public double Height => Top - Bottom;
    public double CentreX => (Left + Right) / 2;
    public double CentreY => (Bottom + Top) / 2;

    public Box Union(Box other) => new(Math.Min(Left, other.Left), Math.Min(Bottom, other.Bottom),
        Math.Max(Right, other.Right), Math.Max(Top, other.Top));

    public bool Contains(double x, double y, double tolerance = 0) =>
        x >= Left - tolerance && x <= Right + tolerance && y >= Bottom - tolerance && y <= Top + tolerance;

    public bool Intersects(Box o) => Left < o.Right && o.Left < Right && Bottom < o.Top && o.Bottom < Top;

    /// <summary>The box of a bbox as SCHEMA §1 prints one, [x0, y0, x1, y1] (the inverse of <see cref="ToArray"/>).</summary>
    public static Box From(double[] bbox) => new(bbox[0], bbox[1], bbox[2], bbox[3]);

    /// <summary>[x0, y0, x1, y1] rounded to 0.01 pt, as SCHEMA §1 prints a bbox.</summary>
    public double[] ToArray() => [Math.Round(Left, 2), Math.Round(Bottom, 2), Math.Round(Right, 2), Math.Round(Top, 2)];

    public static Box Of(IEnumerable<Box> boxes)
    {
        Box? acc = null;
        foreach (var b in boxes) acc = acc is { } a ? a.Union(b) : b;
        return acc ?? default;
    }
}
