using Extractor.Core.Layout;
using Extractor.Core.Tables;

namespace Extractor.Recognition.Tables;

/// <summary>
/// When the table finder hands over a table without a title, the title is still printed: in the lines
/// just above the table on its page, or at the foot of the previous page when the table starts a page.
/// </summary>
public static class CaptionFinder
{
    private const double MaxGap = 90; // points between a title line and the table top

    public static IReadOnlyList<string> Find(DocumentContent document, RawTable raw)
    {
        var page = document.Pages.FirstOrDefault(p => p.Number == raw.PageStart);
        if (page is null || raw.Box is not { } box || box == default) return [];
        var above = page.Lines.Where(l => l.Box.Bottom >= box.Top - 2 && l.Box.Bottom <= box.Top + MaxGap)
            .OrderBy(l => l.Box.Bottom).Take(4).Reverse().Select(l => l.Text).ToList();
        if (above.Count > 0) return above;
        var previous = document.Pages.FirstOrDefault(p => p.Number == raw.PageStart - 1);
        if (previous is null || page.Lines.Any(l => l.Box.Bottom > box.Top + 2 && !IsPageFurniture(l.Text))) return [];
        return previous.Lines.OrderBy(l => l.Box.Bottom).Take(3).Reverse().Select(l => l.Text).ToList();
    }

    /// <summary>Running headers and page numbers above a table do not make it "not at the page top".</summary>
    private static bool IsPageFurniture(string text) => text.Trim().Length <= 4 || text.Trim().All(c => char.IsDigit(c) || c is '-' or '—' or ' ');
}
