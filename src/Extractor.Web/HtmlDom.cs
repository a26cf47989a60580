using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Extractor.Core.Text;

namespace Extractor.Web;

/// <summary>What the reader needs to know about elements: blocks, invisible or chrome-only tags, bold, paths.</summary>
internal static partial class HtmlDom
{
    /// <summary>Elements that start a new line (the rest are inline: span, a, b, font…).</summary>
    public static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "td", "th", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "section", "article", "main",
        "blockquote", "dd", "dt", "dl", "table", "tr", "tbody", "thead", "tfoot", "ul", "ol", "center", "form",
        "body", "caption", "header", "footer", "nav", "aside", "figure", "figcaption", "address", "fieldset", "hr",
        "html", "legend", "details", "summary", "menu",
    };

    /// <summary>Never content: scripts, styles, embedded objects, form controls, navigation and footers.</summary>
    private static readonly HashSet<string> Dropped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "input", "select",
        "textarea", "button", "nav", "aside", "footer", "head", "title", "meta", "link", "map", "audio", "video",
        "option", "datalist",
    };

    [GeneratedRegex(@"display\s*:\s*none|visibility\s*:\s*hidden", RegexOptions.IgnoreCase)]
    private static partial Regex HiddenStyle();

    [GeneratedRegex(@"font-weight\s*:\s*(bold|bolder|[6-9]00)", RegexOptions.IgnoreCase)]
    private static partial Regex BoldStyle();

    public static bool IsBlock(IElement e) => Blocks.Contains(e.LocalName);

    /// <summary>True for elements whose text is never document content (scripts, hidden, nav, footers, controls).</summary>
    public static bool IsDropped(IElement e)
    {
        var tag = e.LocalName;
        if (Dropped.Contains(tag)) return true;
        if (tag == "header" && e.Closest("article") is null) return true;
        if (e.HasAttribute("hidden")) return true;
        var style = e.GetAttribute("style");
        return style is not null && HiddenStyle().IsMatch(style);
    }

    public static bool IsBold(IElement e) =>
        e.LocalName is "b" or "strong" || (e.GetAttribute("style") is { } s && BoldStyle().IsMatch(s));

    public static int HeadingLevel(IElement e) => e.LocalName is ['h', >= '1' and <= '6'] ? e.LocalName[1] - '0' : 0;

    /// <summary>A table of data (no table inside it, at least two rows of which one has two cells), not page layout.</summary>
    public static bool IsDataTable(IElement table)
    {
        if (table.QuerySelector("table") is not null) return false;
        var rows = Rows(table);
        return rows.Count >= 2 && rows.Any(r => Cells(r).Count >= 2);
    }

    /// <summary>The table's own rows in document order (thead, tbody, tfoot, or directly under table), not nested tables'.</summary>
    public static List<IElement> Rows(IElement table)
    {
        var rows = new List<IElement>();
        foreach (var child in table.Children)
        {
            if (child.LocalName == "tr") rows.Add(child);
            else if (child.LocalName is "thead" or "tbody" or "tfoot")
                rows.AddRange(child.Children.Where(c => c.LocalName == "tr"));
        }
        return rows;
    }

    public static List<IElement> Cells(IElement row) => row.Children.Where(c => c.LocalName is "td" or "th").ToList();

    /// <summary>
    /// Collapses source white space as a browser does, except that a run holding a line break or tab next to a CJK
    /// character disappears (HTML editors wrap Chinese prose anywhere: "2020\n年" is "2020年" on screen).
    /// </summary>
    public static string CollapseSourceWhitespace(string raw)
    {
        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var ch = raw[i];
            if (ch is '\n' or '\r' or '\t' or ' ')
            {
                var start = i;
                var broken = false;
                while (i < raw.Length && raw[i] is '\n' or '\r' or '\t' or ' ')
                {
                    if (raw[i] is '\n' or '\r' or '\t') broken = true;
                    i++;
                }
                var prev = start > 0 ? raw[start - 1] : ' ';
                var next = i < raw.Length ? raw[i] : ' ';
                if (broken && (TextNormalizer.IsCjk(prev) || TextNormalizer.IsCjk(next))) continue;
                sb.Append(' ');
                continue;
            }
            sb.Append(ch);
            i++;
        }
        return sb.ToString();
    }
}
