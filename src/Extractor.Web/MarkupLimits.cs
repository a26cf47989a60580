using Extractor.Core.Pipeline;

namespace Extractor.Web;

/// <summary>
/// Refuses, with a named reason, markup no disclosure page has but a hostile or broken one can: more than
/// <see cref="MaxBytes"/> of HTML (real report pages are tens to hundreds of KB; parsing and mapping a 20 MB table
/// page costs ~1.5 GB), or elements nested deeper than <see cref="MaxDepth"/> (AngleSharp's tree builder is
/// quadratic in nesting depth, 100,000 levels take a minute, and every walk over the tree recurses).
/// </summary>
public static class MarkupLimits
{
    public const int MaxBytes = 8 * 1024 * 1024;
    public const int MaxDepth = 2000;

    // Void elements never nest; these close themselves when a sibling opens, so unclosed ones do not deepen the tree.
    private static readonly HashSet<string> Flat = new(StringComparer.Ordinal)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot", "colgroup",
        "rb", "rt", "rp", "html", "head", "body", "!doctype",
    };

    public static void Check(int byteCount, string text)
    {
        if (byteCount > MaxBytes)
            throw new ExtractionException("too_large", $"web page of {byteCount / 1048576.0:0.0} MB; the limit is {MaxBytes / 1048576} MB of HTML");
        var depth = DeepestNesting(text);
        if (depth > MaxDepth)
            throw new ExtractionException("too_deep", $"markup nested at least {depth} elements deep; the limit is {MaxDepth}");
    }

    /// <summary>Open minus closed container tags at their worst, stopping once past the limit. Comments are skipped.</summary>
    private static int DeepestNesting(string text)
    {
        int depth = 0, deepest = 0, i = 0;
        while ((i = text.IndexOf('<', i)) >= 0 && i + 1 < text.Length)
        {
            if (string.CompareOrdinal(text, i, "<!--", 0, 4) == 0)
            {
                var end = text.IndexOf("-->", i + 4, StringComparison.Ordinal);
                if (end < 0) break;
                i = end + 3;
                continue;
            }
            var closing = text[i + 1] == '/';
            var start = closing ? i + 2 : i + 1;
            var j = start;
            while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '!')) j++;
            if (j == start) { i++; continue; }
            var tag = text[start..j].ToLowerInvariant();
            var gt = text.IndexOf('>', j);
            if (gt < 0) break;
            var selfClosing = text[gt - 1] == '/';
            i = gt + 1;
            if (Flat.Contains(tag) || selfClosing) continue;
            depth = closing ? Math.Max(0, depth - 1) : depth + 1;
            if (depth > deepest && (deepest = depth) > MaxDepth) break;
        }
        return deepest;
    }
}
