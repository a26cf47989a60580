using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Extractor.Core.Text;

namespace Extractor.Web;

/// <summary>A link on a page: the absolute URL (resolved against &lt;base&gt; or the page) and its text.</summary>
public sealed record PageLink(Uri Url, string Text, bool InContent);

/// <summary>
/// What a crawler needs from a fetched page: its title, its links (with text; those inside the main content
/// marked), and how much text and how many data tables its main content holds — to tell a disclosure page
/// (a report published as a web page) from a list page (mostly links) or a news item.
/// </summary>
public sealed partial class HtmlPage
{
    public required string Title { get; init; }
    /// <summary>The article's own title when one stands above or opens the content (else the &lt;title&gt;).</summary>
    public required string Heading { get; init; }
    public required IReadOnlyList<PageLink> Links { get; init; }
    /// <summary>Non-space characters of the main content that are not link text.</summary>
    public required int ContentChars { get; init; }
    /// <summary>Non-space characters of the main content inside links.</summary>
    public required int ContentLinkChars { get; init; }
    public required int DataTables { get; init; }
    public required string Encoding { get; init; }

    public double ContentLinkDensity => ContentChars + ContentLinkChars == 0 ? 1 : (double)ContentLinkChars / (ContentChars + ContentLinkChars);

    /// <summary>Titles and link texts that name a budget disclosure.</summary>
    [System.Text.RegularExpressions.GeneratedRegex("决算|预算|三公|绩效|预决算|公开表|收支总表|财政拨款")]
    public static partial System.Text.RegularExpressions.Regex DisclosureWords();

    /// <summary>
    /// The page is itself a disclosure (a report published as a web page): its title names one, and its main content
    /// is prose or tables, not a list of links. The one place this is decided: the crawler and the reader of a page
    /// saved under a document's name both ask here.
    /// </summary>
    public bool IsDisclosure =>
        (DisclosureWords().IsMatch(Heading) || DisclosureWords().IsMatch(Title))
        && ContentLinkDensity <= 0.4
        && (ContentChars >= 200 || DataTables > 0 && ContentChars >= 40);

    public static HtmlPage Parse(byte[] bytes, Uri url, string? contentType = null)
    {
        var decoded = HtmlDecoding.Decode(bytes, contentType);
        MarkupLimits.Check(bytes.Length, decoded.Text);
        var document = new HtmlParser().ParseDocument(decoded.Text);
        var title = TextNormalizer.Normalize(document.Title);
        var body = document.Body;
        if (body is null)
            return new HtmlPage { Title = title, Heading = title, Links = [], ContentChars = 0, ContentLinkChars = 0, DataTables = 0, Encoding = decoded.Encoding.WebName };

        var baseUrl = url;
        if (document.QuerySelector("base[href]")?.GetAttribute("href") is { } baseHref && Uri.TryCreate(url, baseHref.Trim(), out var b))
            baseUrl = b;

        var container = ContentLocator.Locate(body);
        var links = new List<PageLink>();
        foreach (var a in document.QuerySelectorAll("a[href], area[href]"))
        {
            var href = a.GetAttribute("href")!.Trim();
            if (href.Length == 0 || href.StartsWith('#') || href.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                || href.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) || href.StartsWith("tel:", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!Uri.TryCreate(baseUrl, href, out var abs) || abs.Scheme is not ("http" or "https")) continue;
            var text = TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(a.TextContent));
            if (text.Length == 0) text = TextNormalizer.Normalize(a.GetAttribute("title") ?? a.QuerySelector("img[alt]")?.GetAttribute("alt"));
            links.Add(new PageLink(abs, text, container.Contains(a)));
        }

        // Older portals show the article (or the list) in a frame: its page is a link to follow too.
        foreach (var frame in document.QuerySelectorAll("iframe[src], frame[src]"))
            if (Uri.TryCreate(baseUrl, frame.GetAttribute("src")!.Trim(), out var src) && src.Scheme is "http" or "https")
                links.Add(new PageLink(src, TextNormalizer.Normalize(frame.GetAttribute("title")), container.Contains(frame)));

        int chars = 0, linkChars = 0;
        Count(container, false);
        var tables = container.QuerySelectorAll("table").Count(HtmlDom.IsDataTable);

        var heading = title;
        var reader = new HtmlDocumentReader().Read(bytes, url.ToString(), contentType);
        if (reader.Outline.Count > 0) heading = reader.Outline[0].Title;

        return new HtmlPage
        {
            Title = title, Heading = heading, Links = links, ContentChars = chars, ContentLinkChars = linkChars,
            DataTables = tables, Encoding = decoded.Encoding.WebName,
        };

        void Count(IElement e, bool inLink)
        {
            foreach (var node in e.ChildNodes)
            {
                if (node is IElement child)
                {
                    if (!HtmlDom.IsDropped(child)) Count(child, inLink || child.LocalName == "a");
                }
                else if (node.NodeType == NodeType.Text)
                {
                    var n = node.TextContent.Count(ch => !char.IsWhiteSpace(ch) && ch != '\u00A0');
                    if (inLink) linkChars += n;
                    else chars += n;
                }
            }
        }
    }
}
