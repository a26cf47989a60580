using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Recognition.Facts;

/// <summary>
/// A page's lines joined without white space (sentences wrap over lines and "3688.59 万元" is printed
/// with spaces), with the offset of each line so a match can be traced back to its line box.
/// </summary>
public sealed class PageText
{
    private readonly List<(int Start, TextLine Line)> _lines = [];

    public int Page { get; }
    public string Text { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PageContent, PageText> Cache = new();

    /// <summary>The page's text, built once however many readers ask for it.</summary>
    public static PageText Of(PageContent page) => Cache.GetValue(page, p => new PageText(p));

    public PageText(PageContent page)
    {
        Page = page.Number;
        var sb = new System.Text.StringBuilder();
        foreach (var line in page.Lines)
        {
            _lines.Add((sb.Length, line));
            sb.Append(TextNormalizer.Compact(line.Text));
            // A line of its own ends a statement when it closes with no punctuation (headings, table cells).
            // Text files carry one paragraph per line, so every line ends one there.
            if (sb.Length > 0 && (line.Box == default || !"。；;,，:：、".Contains(sb[^1]) && line.Text.Length < 25)) sb.Append('\n');
        }
        Text = sb.ToString();
    }

    public double[]? BoxAt(int offset)
    {
        TextLine? hit = null;
        foreach (var (start, line) in _lines) { if (start > offset) break; hit = line; }
        return hit is null || hit.Box == default ? null : hit.Box.ToArray();
    }
}
