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
    private readonly IReadOnlyDictionary<(int Page, int Line), string>? _paths;

    public int Page { get; }
    public string Text { get; }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<PageContent, PageText> Cache = new();

    /// <summary>The page's text, built once however many readers ask for it.</summary>
    public static PageText Of(PageContent page, IReadOnlyDictionary<(int Page, int Line), string>? paths = null) =>
        Cache.GetValue(page, p => new PageText(p, paths));

    public PageText(PageContent page, IReadOnlyDictionary<(int Page, int Line), string>? paths = null)
    {
        _paths = paths;
        Page = page.Number;
        var sb = new System.Text.StringBuilder();
        var margin = RightMargin(page.Lines);
        for (var i = 0; i < page.Lines.Count; i++)
        {
            var line = page.Lines[i];
            _lines.Add((sb.Length, line));
            sb.Append(TextNormalizer.Compact(line.Text));
            // A line of its own ends a statement when it closes with no punctuation short of the text's right margin
            // (headings, table cells); a sentence wrapped in a narrow column runs on to the margin. Text files carry
            // one paragraph per line, so every line ends one there.
            var next = i + 1 < page.Lines.Count ? page.Lines[i + 1] : null;
            if (sb.Length > 0 && (line.Box == default || !"。；;,，:：、".Contains(sb[^1]) && !Wrapped(line, next, margin))) sb.Append('\n');
        }
        Text = sb.ToString();
    }

    /// <summary>Where the page's body lines end on the right: most full lines of running text reach it.</summary>
    private static double? RightMargin(IReadOnlyList<TextLine> lines)
    {
        var rights = lines.Where(l => l.Box != default && l.Text.Length >= 12).Select(l => l.Box.Right).OrderBy(r => r).ToList();
        return rights.Count < 3 ? null : rights[(int)(rights.Count * 0.75)];
    }

    /// <summary>
    /// A line wrapped at the margin: it runs to within two characters of it, or to within the width of the figure
    /// the next line opens with (a number is never broken, so "…服务预算" / "791.55万元" leaves a wider gap).
    /// </summary>
    private static bool Wrapped(TextLine line, TextLine? next, double? margin)
    {
        if (margin is not { } m) return line.Text.Length >= 25;
        if (line.Text.Length < 8) return false;
        var charWidth = line.Box.Width / Math.Max(1, line.Text.Length);
        var lead = next is null ? 0 : next.Text.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',' or '%' or '-').Count();
        var nextCharWidth = next is null || next.Box == default ? charWidth : next.Box.Width / Math.Max(1, next.Text.Length);
        return line.Box.Right >= m - Math.Max(2 * charWidth, (lead + 1) * nextCharWidth);
    }

    /// <summary>The element path of the line holding that offset (web pages and Word documents).</summary>
    public string? PathAt(int offset)
    {
        if (_paths is null || _paths.Count == 0) return null;
        var index = -1;
        for (var i = 0; i < _lines.Count && _lines[i].Start <= offset; i++) index = i;
        return index >= 0 && _paths.TryGetValue((Page, index), out var path) ? path : null;
    }

    public double[]? BoxAt(int offset)
    {
        TextLine? hit = null;
        foreach (var (start, line) in _lines) { if (start > offset) break; hit = line; }
        return hit is null || hit.Box == default ? null : hit.Box.ToArray();
    }
}
