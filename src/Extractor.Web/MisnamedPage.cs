using Extractor.Core.Pipeline;

namespace Extractor.Web;

/// <summary>
/// A web page saved under a PDF's name: crawls and downloads often keep a portal's page under the name of the
/// attachment it announces. The bytes decide, as for Word files: a page holding the report inline is read as the web
/// page it is; a landing page that links to the report fails as <c>report_is_attachment</c> naming the link, so the
/// user can fetch it; anything else (an error page, a news item) fails as <c>not_a_report</c>.
/// </summary>
public static class MisnamedPage
{
    /// <summary>Extensions of the files a landing page links to as the report itself.</summary>
    private static readonly HashSet<string> Documents = new(StringComparer.OrdinalIgnoreCase)
    {
        ".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".et", ".zip", ".rar", ".ofd",
    };

    /// <summary>Relative links of a saved page are resolved against this and shown as written (the page's own URL is unknown).</summary>
    private static readonly Uri Unknown = new("http://saved-page.invalid/");

    public static bool NamedAsPdf(string path) => Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns when the page holds a report; otherwise throws with the reason and what to do.</summary>
    /// <exception cref="ExtractionException">report_is_attachment or not_a_report</exception>
    public static void Check(byte[] bytes, string? source = null)
    {
        var baseUrl = Uri.TryCreate(source, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u : Unknown;
        var page = HtmlPage.Parse(bytes, baseUrl);
        if (page.IsDisclosure) return;
        var title = page.Heading.Length > 0 ? page.Heading : page.Title;
        var report = page.Links
            .Where(l => Documents.Contains(Path.GetExtension(Uri.UnescapeDataString(l.Url.AbsolutePath))))
            .OrderByDescending(l => HtmlPage.DisclosureWords().IsMatch(l.Text) || HtmlPage.DisclosureWords().IsMatch(Uri.UnescapeDataString(l.Url.AbsolutePath)))
            .ThenByDescending(l => l.InContent)
            .FirstOrDefault();
        if (report is not null)
        {
            var url = report.Url.Host == Unknown.Host ? Uri.UnescapeDataString(report.Url.PathAndQuery) : report.Url.ToString();
            throw new ExtractionException("report_is_attachment",
                $"a web page saved under a PDF's name, linking to the report: {url}{(report.Text.Length > 0 ? $" (“{report.Text}”)" : "")}; download that file and read it instead");
        }
        throw new ExtractionException("not_a_report",
            $"a web page saved under a PDF's name, not a report{(title.Length > 0 ? $" (its title: “{Short(title)}”)" : "")}");
    }

    private static string Short(string s) => s.Length <= 60 ? s : s[..60] + "…";
}
