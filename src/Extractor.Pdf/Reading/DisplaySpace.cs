using Extractor.Core.Layout;
using UglyToad.PdfPig.Core;

namespace Extractor.Pdf.Reading;

/// <summary>
/// Maps user-space rectangles to the page as a reader sees it: /Rotate applied, and text printed
/// sideways on a portrait sheet (a landscape table) turned upright. Quarter turns only.
/// </summary>
public sealed class DisplaySpace(int quarterTurnsClockwise, double userWidth, double userHeight, double originX, double originY)
{
    public int Turns { get; } = ((quarterTurnsClockwise % 4) + 4) % 4;
    public double Width => Turns % 2 == 0 ? userWidth : userHeight;
    public double Height => Turns % 2 == 0 ? userHeight : userWidth;

    public (double X, double Y) Map(double x, double y)
    {
        x -= originX; y -= originY;
        return Turns switch
        {
            1 => (y, userWidth - x),
            2 => (userWidth - x, userHeight - y),
            3 => (userHeight - y, x),
            _ => (x, y),
        };
    }

    public Box Map(PdfRectangle r)
    {
        var (x1, y1) = Map(r.Left, r.Bottom);
        var (x2, y2) = Map(r.Right, r.Top);
        return new Box(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2));
    }

    public Ruling Map(PdfPoint a, PdfPoint b)
    {
        var (x1, y1) = Map(a.X, a.Y);
        var (x2, y2) = Map(b.X, b.Y);
        return new Ruling(x1, y1, x2, y2);
    }
}
