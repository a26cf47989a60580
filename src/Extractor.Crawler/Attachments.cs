using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Extractor.Crawler;

/// <summary>What a link or response is: an attachment (pdf, doc, docx, xls, xlsx, wps, zip…), a page, or something to skip.</summary>
public static partial class Attachments
{
    public static readonly IReadOnlySet<string> Extensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".zip", ".ofd",
    };

    /// <summary>Never fetched: images, styles, scripts, media, executables.</summary>
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        ".jpg", ".jpeg", ".png", ".gif", ".bmp", ".webp", ".svg", ".ico", ".css", ".js", ".mp3", ".mp4", ".avi", ".wmv",
        ".flv", ".mov", ".swf", ".exe", ".apk", ".msi", ".dmg", ".iso", ".rar", ".7z", ".tif", ".tiff", ".woff", ".woff2",
        ".ttf", ".xml", ".rss", ".json", ".txt",
    };

    private static readonly Dictionary<string, string> ByMediaType = new(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = ".pdf", ["application/x-pdf"] = ".pdf",
        ["application/msword"] = ".doc",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.ms-excel"] = ".xls",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.ms-works"] = ".wps", ["application/kswps"] = ".wps", ["application/wps-office.wps"] = ".wps",
        ["application/zip"] = ".zip", ["application/x-zip-compressed"] = ".zip",
        ["application/ofd"] = ".ofd",
    };

    public static string Extension(Uri url) => Path.GetExtension(Uri.UnescapeDataString(url.AbsolutePath));

    public static bool IsAttachmentUrl(Uri url) => Extensions.Contains(Extension(url));

    public static bool IsSkippedUrl(Uri url) => Skipped.Contains(Extension(url));

    /// <summary>The file name a Content-Disposition header gives (filename* preferred, GBK/UTF-8 percent-encoding undone).</summary>
    public static string? DispositionFileName(ContentDispositionHeaderValue? disposition)
    {
        var name = disposition?.FileNameStar ?? disposition?.FileName;
        if (string.IsNullOrWhiteSpace(name)) return null;
        name = name.Trim('"', ' ');
        try { return Uri.UnescapeDataString(name); }
        catch (UriFormatException) { return name; }
    }

    /// <summary>
    /// The attachment extension a response shows: its Content-Type, a Content-Disposition file name, or the URL's
    /// extension when the server says only application/octet-stream. Null for a web page (or anything else).
    /// </summary>
    public static string? ResponseExtension(string? mediaType, string? dispositionName, bool dispositionAttachment, Uri url)
    {
        if (mediaType is not null && ByMediaType.TryGetValue(mediaType, out var ext)) return ext;
        if (dispositionName is not null && Extensions.Contains(Path.GetExtension(dispositionName))) return Path.GetExtension(dispositionName).ToLowerInvariant();
        var generic = mediaType is null or "application/octet-stream" or "application/force-download" or "application/x-download" or "binary/octet-stream";
        if ((generic || dispositionAttachment) && IsAttachmentUrl(url)) return Extension(url).ToLowerInvariant();
        return null;
    }

    public static bool IsHtml(string? mediaType) => mediaType is "text/html" or "application/xhtml+xml";

    /// <summary>Titles and link texts that name a budget disclosure (<see cref="Web.HtmlPage.DisclosureWords"/>).</summary>
    public static Regex DisclosureWords() => Web.HtmlPage.DisclosureWords();

    /// <summary>Link texts of pagination: 下一页, 尾页, page numbers, and index_N.html style URLs.</summary>
    [GeneratedRegex(@"^(下一?页|下页|上一?页|上页|首页|尾页|末页|最后一页|后页|前页|>|>>|»|›|\[?\d{1,4}\]?|next|prev|previous|last|first)$", RegexOptions.IgnoreCase)]
    public static partial Regex PaginationText();

    [GeneratedRegex(@"(index|list|default)_\d+\.s?html?$|[?&](page|pageno|pageindex|pagenum|curpage|p|pn)=\d+", RegexOptions.IgnoreCase)]
    public static partial Regex PaginationUrl();
}
