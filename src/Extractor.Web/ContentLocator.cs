using AngleSharp.Dom;

namespace Extractor.Web;

/// <summary>
/// Finds the element holding a page's main text, with no knowledge of any site's ids or classes: every block of
/// text scores its non-link characters for itself, its parent and (half) its grandparent, a data table counting
/// as one block; the best score discounted by link density wins; then the choice descends into a single child
/// holding nearly all of its text (wrappers). Navigation, search boxes and footers lose because their text is
/// links or short.
/// </summary>
internal static class ContentLocator
{
    private sealed class Stat
    {
        public int Text;  // non-space characters
        public int Link;  // of which inside <a>
    }

    public static IElement Locate(IElement body)
    {
        var own = new Dictionary<IElement, Stat>();
        Collect(body, body, inLink: false, own);

        // Totals per element (own text plus descendants') for link density and the descent test.
        var total = new Dictionary<IElement, Stat>();
        foreach (var (block, s) in own)
        {
            for (var e = block; e is not null; e = e.ParentElement)
            {
                if (!total.TryGetValue(e, out var t)) total[e] = t = new Stat();
                t.Text += s.Text;
                t.Link += s.Link;
                if (ReferenceEquals(e, body)) break;
            }
        }

        var score = new Dictionary<IElement, double>();
        foreach (var (block, s) in own)
        {
            var content = s.Text - s.Link;
            if (content <= 0 || s.Link > s.Text / 2) continue;
            // Short fragments (menu items, labels) count for little; paragraphs of prose for a lot.
            var weight = content < 10 ? content * 0.25 : content + 20;
            Add(block, weight);
            if (block.ParentElement is { } parent && !ReferenceEquals(block, body))
            {
                Add(parent, weight);
                if (parent.ParentElement is { } grand && !ReferenceEquals(parent, body)) Add(grand, weight / 2);
            }
        }

        IElement best = body;
        var bestScore = double.MinValue;
        foreach (var (e, sc) in score)
        {
            if (e.LocalName is "tr" or "tbody" or "thead" or "tfoot" or "ul" or "ol" or "li" or "a" || HtmlDom.HeadingLevel(e) > 0) continue;
            if (e.LocalName == "table" && HtmlDom.IsDataTable(e)) continue;
            var t = total.GetValueOrDefault(e);
            var density = t is null || t.Text == 0 ? 0 : (double)t.Link / t.Text;
            var adjusted = sc * (1 - density);
            if (adjusted > bestScore) { best = e; bestScore = adjusted; }
        }

        // Wrappers: a single child holding almost all of the text is the content itself.
        while (true)
        {
            var all = total.GetValueOrDefault(best)?.Text ?? 0;
            if (all == 0) break;
            var heavy = best.Children.FirstOrDefault(c => (total.GetValueOrDefault(c)?.Text ?? 0) >= all * 0.9);
            if (heavy is null || heavy.LocalName is "table" or "tr" or "tbody" or "ul" or "ol" or "p" || HtmlDom.HeadingLevel(heavy) > 0) break;
            best = heavy;
        }
        return best;

        void Add(IElement e, double w) => score[e] = score.GetValueOrDefault(e) + w;
    }

    /// <summary>Counts each text node for its nearest block; a data table's text all counts for the table.</summary>
    private static void Collect(IElement element, IElement block, bool inLink, Dictionary<IElement, Stat> own)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child)
            {
                if (HtmlDom.IsDropped(child)) continue;
                var childBlock = block;
                if (child.LocalName == "table" && HtmlDom.IsDataTable(child))
                {
                    CollectAll(child, child, own);
                    continue;
                }
                if (HtmlDom.IsBlock(child)) childBlock = child;
                Collect(child, childBlock, inLink || child.LocalName == "a", own);
            }
            else if (node.NodeType == NodeType.Text)
            {
                var n = CountVisible(node.TextContent);
                if (n == 0) continue;
                if (!own.TryGetValue(block, out var s)) own[block] = s = new Stat();
                s.Text += n;
                if (inLink) s.Link += n;
            }
        }
    }

    private static void CollectAll(IElement element, IElement table, Dictionary<IElement, Stat> own)
    {
        foreach (var node in element.ChildNodes)
        {
            if (node is IElement child)
            {
                if (!HtmlDom.IsDropped(child)) CollectAll(child, table, own);
            }
            else if (node.NodeType == NodeType.Text && CountVisible(node.TextContent) is var n and > 0)
            {
                if (!own.TryGetValue(table, out var s)) own[table] = s = new Stat();
                s.Text += n;
                if (node.ParentElement?.Closest("a") is not null) s.Link += n;
            }
        }
    }

    private static int CountVisible(string text)
    {
        var n = 0;
        foreach (var ch in text) if (!char.IsWhiteSpace(ch) && ch != '\u00A0') n++;
        return n;
    }
}
