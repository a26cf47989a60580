using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Sections.Candidates;

/// <summary>
/// One line of the document with the page facts the heading tests need, in document order.
/// Flattening once keeps every later stage a simple scan over a list.
/// </summary>
public sealed record DocLine(int Index, int Page, int LineOnPage, string Text, string Compact, TextLine? Source, double PageWidth)
{
    /// <summary>The line sits inside a ruled table (rulings above, below, left and right of it).</summary>
    public bool InRuledTable { get; init; }

    public double FontSize => Source?.FontSize ?? 0;
    public bool Bold => Source?.Bold ?? false;
    /// <summary>Font size and weight are known (PDF, and HTML/Word readers, which map h1–h6 and bold onto them).</summary>
    public bool HasTypography => Source is { Words.Count: > 0 } && FontSize > 0;

    /// <summary>Positions are known (PDF): margins, centring and line wrapping can be measured.</summary>
    public bool HasGeometry => HasTypography && Source!.Box.Width > 0;

    /// <summary>The reader marked the line as a document heading (HTML h1–h6, Word heading styles): 1…6, else 0.</summary>
    public int MarkedHeadingLevel => Source?.Words.FirstOrDefault()?.FontName is { } f
        && (f.StartsWith("html-h") || f.StartsWith("docx-h")) && int.TryParse(f.AsSpan(6), out var n) ? n : 0;

    public static IReadOnlyList<DocLine> Flatten(DocumentContent document)
    {
        var lines = new List<DocLine>();
        foreach (var page in document.Pages)
            for (var i = 0; i < page.Lines.Count; i++)
            {
                var l = page.Lines[i];
                var text = l.Text.Trim();
                lines.Add(new DocLine(lines.Count, page.Number, i, text, TextNormalizer.Compact(text), l, page.Width)
                {
                    InRuledTable = page.Rulings.Count >= 4 && l.Words.Count > 0 && Enclosed(l.Box, page.Rulings),
                });
            }
        return lines;
    }

    /// <summary>
    /// Table cells are boxed by rulings; prose is not. A line whose centre has a horizontal ruling above
    /// and below and a vertical ruling left and right is taken to be in a ruled table.
    /// </summary>
    private static bool Enclosed(Box box, IReadOnlyList<Ruling> rulings)
    {
        double x = box.CentreX, y = box.CentreY;
        bool above = false, below = false, left = false, right = false;
        foreach (var r in rulings)
        {
            if (r.IsHorizontal && Math.Min(r.X1, r.X2) <= x && Math.Max(r.X1, r.X2) >= x)
            {
                if (r.Y1 > y) above = true; else below = true;
            }
            else if (r.IsVertical && Math.Min(r.Y1, r.Y2) <= y && Math.Max(r.Y1, r.Y2) >= y)
            {
                if (r.X1 < x) left = true; else right = true;
            }
        }
        return above && below && (left || right);
    }
}

/// <summary>Document-wide typography: what body text looks like, so headings can stand out from it.</summary>
public sealed record BodyStyle(double FontSize, bool BoldBody)
{
    /// <summary>The font size carrying the most characters is the body size; headings are rarer than prose.</summary>
    public static BodyStyle Of(IReadOnlyList<DocLine> lines)
    {
        var bySize = new Dictionary<double, int>();
        int chars = 0, boldChars = 0;
        // Only prose counts: tables set many characters in their own (often smaller) size.
        foreach (var l in lines.Where(l => l.HasTypography && !l.InRuledTable && l.Compact.Length >= 12
                                           && l.Compact.IndexOfAny([',', '。', '、', ';', '，', '；']) >= 0
                                           && TableLines.AmountCount(l.Text) <= 1))
        {
            var size = Math.Round(l.FontSize * 2) / 2;
            bySize[size] = bySize.GetValueOrDefault(size) + l.Compact.Length;
            chars += l.Compact.Length;
            if (l.Bold) boldChars += l.Compact.Length;
        }
        var body = bySize.Count == 0 ? 0 : bySize.MaxBy(kv => kv.Value).Key;
        return new BodyStyle(body, chars > 0 && boldChars > chars / 2);
    }
}
