using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Tables.Document;

/// <summary>
/// A table title left at the foot of the previous page when the table itself moved to the next one (Excel exports
/// printed page by page): the first table on a page whose own caption names no table takes, from the previous page,
/// the lines below that page's last table that are set larger than its text and end like a table title (…表).
/// </summary>
public static class OrphanTitle
{
    public static List<string> Find(PageContent previous, double lastTableBottom, IReadOnlyList<string> caption)
    {
        if (caption.Any(NamesTable)) return [];
        var below = previous.Lines.Where(l => l.Box.Top < lastTableBottom).ToList();
        if (below.Count == 0 || below.Count > 4) return [];
        var body = previous.Lines.Select(l => l.FontSize).Order().ElementAt(previous.Lines.Count / 2);
        return below.Where(l => l.FontSize >= 1.2 * body && NamesTable(l.Text)).Select(l => l.Text).ToList();
    }

    private static bool NamesTable(string line)
    {
        var text = TextNormalizer.Compact(line).TrimEnd(':');
        return TableCaption.NamesTable(text) && !text.StartsWith("注") && text.Length <= 40;
    }
}
