using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Web;

/// <summary>
/// Reads a saved web page (text/html): decodes it (BOM, HTTP charset, &lt;meta&gt;, else UTF-8/GB18030), keeps the
/// main content without the site's chrome (<see cref="ContentLocator"/>), and emits everything as page 1:
/// one line per paragraph, heading or table row (h1–h6 and bold text carry a larger size / bold so heading
/// detection sees them; h1–h6 also form the outline), each line's element path in
/// <see cref="DocumentContent.LinePaths"/>, and every data table as a <see cref="RawTable"/> (method "html")
/// with rowspan/colspan expanded, the lines just above it (and title rows inside it) as its caption, and each
/// cell's element path. There is no geometry: boxes stay empty; provenance is the path.
/// </summary>
public sealed partial class HtmlDocumentReader : IDocumentReader
{
    public const string MediaType = "text/html";

    /// <summary>Nominal font size of body text; headings are larger (h1 22 … h6 12.5).</summary>
    public const double BodySize = 12;

    public bool CanRead(string mediaType) => mediaType is MediaType or "application/xhtml+xml";

    public DocumentContent Read(string path, ReadLimits limits)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new ExtractionException("empty", "file is empty (0 bytes)");
        return Read(bytes, path, null, limits.Cancellation);
    }

    /// <summary>Reads HTML bytes; <paramref name="contentType"/> is the HTTP Content-Type header when the page was fetched.</summary>
    public DocumentContent Read(byte[] bytes, string source, string? contentType = null, CancellationToken cancellation = default)
    {
        var decoded = HtmlDecoding.Decode(bytes, contentType);
        MarkupLimits.Check(bytes.Length, decoded.Text);
        var document = new HtmlParser().ParseDocument(decoded.Text);
        cancellation.ThrowIfCancellationRequested();
        var body = document.Body ?? throw new ExtractionException("not_html", "no <body> in the page");

        var info = new Dictionary<string, string>(StringComparer.Ordinal) { ["Encoding"] = decoded.Encoding.WebName, ["EncodingSource"] = decoded.EncodingSource };
        var title = TextNormalizer.Normalize(document.Title);
        if (title.Length > 0) info["Title"] = title;
        foreach (var meta in document.QuerySelectorAll("meta[name][content]"))
        {
            var name = meta.GetAttribute("name")!;
            if (MetaNames().IsMatch(name) && TextNormalizer.Normalize(meta.GetAttribute("content")) is { Length: > 0 } value)
                info.TryAdd(name, value);
        }

        var container = ContentLocator.Locate(body);
        var builder = new Builder(cancellation);
        if (TitleOutside(document, container, title) is { } heading)
        {
            builder.Heading(heading.Element, heading.Text);
            if (DateLineBetween(document, heading.Element, container) is { } date) builder.Line(date.Element, date.Text);
        }
        builder.Walk(container);
        builder.Flush();

        var lines = builder.Lines;
        var page = new PageContent(1, 0, 0, lines.SelectMany(l => l.Words).ToList(), lines, []);
        return new DocumentContent(Convert.ToHexStringLower(SHA256.HashData(bytes)), source, MediaType, [page], builder.Outline, info)
        {
            NativeTables = builder.Tables,
            LinePaths = builder.Paths,
        };
    }

    [GeneratedRegex(@"^(pubdate|publishdate|firstpublishedtime|maketime|contentsource|columnname|siteName|keywords|description|ArticleTitle)$", RegexOptions.IgnoreCase)]
    private static partial Regex MetaNames();

    [GeneratedRegex(@"\s*(?:[-_|—–]{1,2}|::)\s*")]
    private static partial Regex TitleSeparators();

    /// <summary>
    /// The article's title when the content container does not hold it: the last element before the container whose
    /// whole text is the &lt;title&gt;'s main part ("XX局2015年度部门预算公开情况说明-政务公开" → its longest piece), or
    /// failing that the last h1 before it.
    /// </summary>
    private static (IElement Element, string Text)? TitleOutside(IDocument document, IElement container, string title)
    {
        var pieces = TitleSeparators().Split(title).Select(TextNormalizer.Compact).Where(p => p.Length >= 4).ToList();
        var main = pieces.Count == 0 ? null : pieces.MaxBy(p => p.Length);
        if (container.QuerySelector("h1") is not null) return null;
        (IElement, string)? found = null;
        foreach (var e in document.Body!.QuerySelectorAll("*"))
        {
            if (ReferenceEquals(e, container)) break;
            if (e.Contains(container) || HtmlDom.IsDropped(e) || e.Closest("a") is not null) continue;
            var text = TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(e.TextContent));
            var compact = TextNormalizer.Compact(text);
            if (compact.Length == 0 || compact.Length > 120) continue;
            // The whole text is the title's pieces (in whatever order, with separators) and little else.
            if (main is not null && compact.Contains(main) && compact.Length - pieces.Where(compact.Contains).Sum(p => p.Length) <= 12)
                found = (e, text);
            else if (found is null && e.LocalName == "h1") found = (e, text);
        }
        if (found is { } f && f.Item1.Closest("nav, header") is null) return f;
        return null;
    }

    [GeneratedRegex(@"(发布|成文|印发|日期|时间).{0,8}\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}")]
    private static partial Regex DateLine();

    /// <summary>The publication-date line between the title and the content ("日期:2025-02-10 【打印】"), buttons removed.</summary>
    private static (IElement Element, string Text)? DateLineBetween(IDocument document, IElement title, IElement container)
    {
        var started = false;
        foreach (var e in document.Body!.QuerySelectorAll("*"))
        {
            if (ReferenceEquals(e, container)) break;
            if (!started) { started = ReferenceEquals(e, title); continue; }
            if (title.Contains(e) || e.Contains(container) || HtmlDom.IsDropped(e)) continue;
            var text = Chrome.StripButtons(TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(e.TextContent)));
            if (text.Length is > 0 and <= 80 && DateLine().IsMatch(text)) return (e, text);
        }
        return null;
    }

    /// <summary>Walks the content in document order, building lines, tables and paths.</summary>
    private sealed class Builder(CancellationToken cancellation)
    {
        private readonly ElementPaths _paths = new();
        private readonly List<(string Raw, bool Bold, IElement Block)> _pieces = [];
        private int _tableBoundary; // index of the first line after the last table

        public List<TextLine> Lines { get; } = [];
        public List<RawTable> Tables { get; } = [];
        public List<OutlineEntry> Outline { get; } = [];
        public Dictionary<(int Page, int Line), string> Paths { get; } = new();

        private int _heading;
        private int _bold;

        public void Heading(IElement element, string text)
        {
            Emit(text, 1, true, Path(element));
            Outline.Add(new OutlineEntry(text, 1, 1));
        }

        public void Line(IElement element, string text) => Emit(text, 0, false, Path(element));

        public void Walk(IElement element)
        {
            var level = HtmlDom.HeadingLevel(element);
            if (level > 0) { Flush(); _heading = level; }
            var bold = HtmlDom.IsBold(element);
            if (bold) _bold++;
            try
            {
                foreach (var node in element.ChildNodes)
                {
                    if (node is IElement child)
                    {
                        if (HtmlDom.IsDropped(child)) continue;
                        if (child.LocalName == "br" || child.LocalName == "hr") { Flush(); continue; }
                        if (child.LocalName == "table" && HtmlDom.IsDataTable(child))
                        {
                            Flush();
                            Table(child);
                            continue;
                        }
                        if (child.LocalName == "img") continue;
                        var block = HtmlDom.IsBlock(child);
                        if (block) Flush();
                        Walk(child);
                        if (block) Flush();
                    }
                    else if (node.NodeType == NodeType.Text)
                    {
                        var block = node.ParentElement!;
                        while (!HtmlDom.IsBlock(block) && block.ParentElement is { } up) block = up;
                        _pieces.Add((node.TextContent, _bold > 0 || _heading > 0, block));
                    }
                }
            }
            finally
            {
                if (bold) _bold--;
                if (level > 0) { Flush(); _heading = 0; }
            }
        }

        /// <summary>Ends the current line: one line of the collected inline text, if it has any visible text.</summary>
        public void Flush()
        {
            if (_pieces.Count == 0) return;
            cancellation.ThrowIfCancellationRequested();
            var raw = string.Concat(_pieces.Select(p => p.Raw));
            var text = TextNormalizer.Normalize(HtmlDom.CollapseSourceWhitespace(raw));
            var visible = _pieces.Where(p => !string.IsNullOrWhiteSpace(p.Raw.Replace('\u00A0', ' '))).ToList();
            var bold = visible.Count > 0 && visible.All(p => p.Bold);
            var block = visible.Count > 0 ? visible[0].Block : _pieces[0].Block;
            _pieces.Clear();
            if (text.Length == 0 || Chrome.IsChromeLine(text)) return;
            var stripped = Chrome.StripButtons(text);
            if (stripped.Length != text.Length) text = TextNormalizer.Compact(stripped).Length == 0 ? "" : stripped;
            if (text.Length == 0) return;
            Emit(text, _heading, bold, Path(block));
            if (_heading > 0) Outline.Add(new OutlineEntry(text, _heading, 1));
        }

        private void Emit(string text, int heading, bool bold, string path)
        {
            var size = heading switch { 1 => 22, 2 => 18, 3 => 16, 4 => 14, 5 => 13, 6 => 12.5, _ => BodySize };
            var word = new TextWord(text, default, size, heading > 0 ? $"html-h{heading}" : "html", bold || heading > 0);
            Paths[(1, Lines.Count)] = path;
            Lines.Add(new TextLine(text, default, [word]));
        }

        private string Path(IElement e) => _paths.Of(e);

        private void Table(IElement table)
        {
            var grid = HtmlTableGrid.Build(table, _paths, cancellation);
            if (grid.Rows.Count == 0) return;

            var caption = new List<string>();
            // Lines just above the table: its title and unit lines (short, not prose), after any earlier table.
            var above = new List<string>();
            for (var i = Lines.Count - 1; i >= _tableBoundary && above.Count < 3; i--)
            {
                var t = Lines[i].Text;
                if (TextNormalizer.Compact(t).Length > 60 || t.EndsWith('。')) break;
                above.Insert(0, t);
            }
            caption.AddRange(above);
            caption.AddRange(grid.Caption);
            caption.AddRange(grid.TitleRows);

            foreach (var line in grid.TitleRows) Emit(line, 0, false, Path(table));
            foreach (var row in grid.Rows)
            {
                var text = string.Join(" ", row.Cells.Where(c => !c.IsCovered && c.Text.Length > 0).Select(c => c.Text));
                if (text.Length == 0) continue;
                Emit(text, 0, false, row.Cells.FirstOrDefault(c => c.Path is not null)?.Path is { } p ? RowPath(p) : Path(table));
            }
            _tableBoundary = Lines.Count;
            Tables.Add(new RawTable(grid.Rows, 1, 1, null, "html") { Caption = caption });
        }

        /// <summary>The row's path from its first cell's ("…>tr:nth-of-type(2)>td" → "…>tr:nth-of-type(2)").</summary>
        private static string RowPath(string cellPath)
        {
            var cut = cellPath.LastIndexOf('>');
            return cut > 0 ? cellPath[..cut] : cellPath;
        }
    }
}

/// <summary>Lines that are site furniture wherever they appear: print/close/font-size buttons, share and app blurbs.</summary>
internal static partial class Chrome
{
    [GeneratedRegex(@"^[【\[]?\s*(打印(本页|此页)?|关闭(窗口|本页)?|字体\s*[:：]?\s*(\[?[大中小]\]?\s*)*|字号\s*[:：]?\s*(\[?[大中小]\]?\s*)*|[大中小](\s*[大中小]){1,2}|返回顶部|回到顶部|收藏|分享到?\s*[:：]?|保存|纠错|我要纠错|扫一扫.*|【\s*】)\s*[】\]]?$")]
    private static partial Regex ButtonRx();

    [GeneratedRegex(@"(【\s*(打印|关闭|字体|字号|收藏|保存)[^】]*】\s*){2,}")]
    private static partial Regex ButtonRowRx();

    [GeneratedRegex(@"(下载.{0,12}(APP|客户端)|关注.{0,12}(微信|公众号|微博)|扫一扫|二维码|分享到|版权所有|ICP备|公网安备|网站标识码|主办单位[:：]|承办单位[:：]|技术支持[:：]|您当前的位置|当前位置[:：]|浏览次数|阅读次数|访问量[:：]?)", RegexOptions.IgnoreCase)]
    private static partial Regex BlurbRx();

    [GeneratedRegex(@"[【\[]\s*(打印(本页|此页)?|关闭(窗口|本页)?|字体|字号|收藏|保存|返回顶部)[^】\]]{0,24}[】\]]|(点击数|点击量|浏览次数|阅读次数|访问量|浏览量|阅读量)\s*[:：]?\s*\d*\s*次?")]
    private static partial Regex ButtonInLineRx();

    /// <summary>The line without its 【打印】【字体:大 中 小】 buttons (a date line often carries them).</summary>
    public static string StripButtons(string text) => Regex.Replace(ButtonInLineRx().Replace(text, " "), @"\s{2,}", " ").Trim();

    public static bool IsChromeLine(string text)
    {
        var t = text.Trim();
        if (ButtonRx().IsMatch(t) || ButtonRowRx().IsMatch(t)) return true;
        // Share/app/footer blurbs are short lines; a paragraph that mentions 二维码 in passing is content.
        return t.Length <= 80 && BlurbRx().IsMatch(t) && !t.Contains("决算") && !t.Contains("预算");
    }
}
