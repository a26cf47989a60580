using Extractor.Core.Layout;
using Extractor.Pdf.Reading;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Graphics;

namespace Extractor.Pdf.Rulings;

/// <summary>
/// Collects the horizontal and vertical segments a table finder can use: stroked lines, the edges of
/// stroked rectangles, and thin filled rectangles (how Word and WPS draw cell borders). Diagonals and
/// curves are dropped; invisible (unfilled and unstroked) clip paths are ignored.
/// </summary>
public static class RulingCollector
{
    private const double ThinFill = 2.5;

    public static IReadOnlyList<Ruling> Collect(Page page, DisplaySpace space, int maxSegments)
    {
        var result = new List<Ruling>();
        var segments = 0;
        foreach (var path in page.Paths)
        {
            if (path.IsClipping || (!path.IsStroked && !path.IsFilled)) continue;
            foreach (var sub in path)
            {
                segments += sub.Commands.Count;
                if (segments > maxSegments) return result;
                if (path.IsFilled && !path.IsStroked)
                {
                    // White fills are text backgrounds: on a white page they draw nothing a reader sees.
                    if (!IsWhite(path.FillColor)) AddFilled(sub, space, result);
                }
                else AddStroked(sub, space, result);
            }
        }
        return result;
    }

    private static void AddFilled(PdfSubpath sub, DisplaySpace space, List<Ruling> result)
    {
        var r = sub.GetBoundingRectangle();
        if (r is not { } rect) return;
        var box = space.Map(rect);
        if (box.Height <= ThinFill && box.Width > box.Height)
            result.Add(new Ruling(box.Left, box.CentreY, box.Right, box.CentreY));
        else if (box.Width <= ThinFill && box.Height > box.Width)
            result.Add(new Ruling(box.CentreX, box.Bottom, box.CentreX, box.Top));
        else if (sub.IsDrawnAsRectangle)
            AddEdges(box, result); // shaded cells: their edges are cell borders
        else
            AddStroked(sub, space, result); // clipping merges thin filled bars into one outline: its straight edges are the rulings
    }

    private static void AddStroked(PdfSubpath sub, DisplaySpace space, List<Ruling> result)
    {
        PdfPoint? current = null, start = null;
        foreach (var cmd in sub.Commands)
        {
            switch (cmd)
            {
                case PdfSubpath.Move m: current = m.Location; start = m.Location; break;
                case PdfSubpath.Line l:
                    AddSegment(space.Map(l.From, l.To), result);
                    current = l.To;
                    break;
                case PdfSubpath.Close when current is { } c && start is { } s:
                    AddSegment(space.Map(c, s), result);
                    current = s;
                    break;
                case PdfSubpath.BezierCurve b: current = b.EndPoint; break;
            }
        }
    }

    private static bool IsWhite(UglyToad.PdfPig.Graphics.Colors.IColor? color)
    {
        if (color is null) return false;
        try
        {
            var (r, g, b) = color.ToRGBValues();
            return r > 0.95 && g > 0.95 && b > 0.95;
        }
        catch (Exception)
        {
            return false; // patterns and unusual colour spaces: keep the ruling
        }
    }

    private static void AddEdges(Box b, List<Ruling> result)
    {
        result.Add(new Ruling(b.Left, b.Bottom, b.Right, b.Bottom));
        result.Add(new Ruling(b.Left, b.Top, b.Right, b.Top));
        result.Add(new Ruling(b.Left, b.Bottom, b.Left, b.Top));
        result.Add(new Ruling(b.Right, b.Bottom, b.Right, b.Top));
    }

    private static void AddSegment(Ruling r, List<Ruling> result)
    {
        // Nearly axis-aligned segments are snapped; anything steeper is a drawing, not a ruling.
        if (Math.Abs(r.Y1 - r.Y2) < 1 && Math.Abs(r.X1 - r.X2) >= 1)
        {
            var y = (r.Y1 + r.Y2) / 2;
            result.Add(new Ruling(Math.Min(r.X1, r.X2), y, Math.Max(r.X1, r.X2), y));
        }
        else if (Math.Abs(r.X1 - r.X2) < 1 && Math.Abs(r.Y1 - r.Y2) >= 1)
        {
            var x = (r.X1 + r.X2) / 2;
            result.Add(new Ruling(x, Math.Min(r.Y1, r.Y2), x, Math.Max(r.Y1, r.Y2)));
        }
    }
}
