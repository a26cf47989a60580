using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Pipeline;
using Extractor.TestSupport;

namespace Extractor.Web.Tests;

/// <summary>
/// A report published as a web page yields the same canonical tables and facts as its PDF: each corpus PDF is
/// re-published as HTML the way portals do (paragraphs as &lt;p&gt;, bold as &lt;b&gt;, each table as a &lt;table&gt;
/// with rowspan/colspan, its title and unit lines above it), and both go through the same pipeline.
/// </summary>
public class WebParityTests
{
    [Theory]
    [InlineData("sh-putuo-sifaju-2026-budget")]
    [InlineData("sh-putuo-shegongbu-2024-final")]
    public void Web_form_of_a_report_yields_the_same_tables_and_facts(string id)
    {
        var stages = PipelineStages.Default();
        if (!stages.Readers.Any(r => r.CanRead(HtmlDocumentReader.MediaType)))
            stages = stages with { Readers = [.. stages.Readers, new HtmlDocumentReader()] };
        if (stages.Tables is null || stages.Mapper is null) return; // nothing to compare before the table stages are wired
        var extractor = new ReportExtractor(new ExtractionSettings(), stages);
        var pdf = Corpus.Path("dev", id + ".pdf");
        var content = stages.Read(pdf, new ReadLimits());
        var fromPdf = extractor.Build(content);
        var html = Path.Combine(Path.GetTempPath(), $"{id}-{Guid.NewGuid():N}.html");
        File.WriteAllText(html, AsWebPage(content, stages.Tables.Extract(content)), Encoding.UTF8);
        try
        {
            var fromWeb = extractor.Extract(html);
            Assert.Equal("text/html", fromWeb.Document.MediaType);
            Assert.Equal(fromPdf.Document.Kind, fromWeb.Document.Kind);
            Assert.Equal(fromPdf.Document.FiscalYear, fromWeb.Document.FiscalYear);
            Assert.Equal(fromPdf.Document.Unit, fromWeb.Document.Unit);
            Assert.Equal(fromPdf.Tables.Select(Describe), fromWeb.Tables.Select(Describe));
            Assert.All(fromWeb.Tables.SelectMany(t => t.Rows), r => Assert.Equal(1, r.Provenance?.Page ?? 1));
            var webFacts = fromWeb.Facts.Select(f => $"{f.Key}={f.Value}").ToHashSet();
            var missing = fromPdf.Facts.Select(f => $"{f.Key}={f.Value}").Where(f => !webFacts.Contains(f)).ToList();
            Assert.True(missing.Count == 0, "facts the web form lost: " + string.Join(", ", missing));
        }
        finally { File.Delete(html); }
    }

    private static string Describe(ReportTable t) =>
        $"{t.Id} [{string.Join("|", t.Columns)}] " + string.Join("; ", t.Rows.Select(r =>
            $"{r.Code} {r.Label} {r.Side} {r.Group}: {string.Join(",", r.Values.Select(v => $"{v.Key}={v.Value}"))}"));

    /// <summary>The PDF's lines and tables as a portal would publish them.</summary>
    public static string AsWebPage(DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        var inTable = new Dictionary<(int Page, int Line), RawTable>();
        foreach (var t in tables)
            foreach (var page in content.Pages.Where(p => p.Number >= t.PageStart && p.Number <= t.PageEnd))
                for (var i = 0; i < page.Lines.Count; i++)
                {
                    var c = page.Lines[i].Box;
                    if (t.Rows.Any(r => r.Page == page.Number && r.Box is { } b && b.Contains(c.CentreX, c.CentreY, 1)))
                        inTable.TryAdd((page.Number, i), t);
                }
        var sb = new StringBuilder("""
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>信息公开</title></head><body>
            <div class="nav"><a href="/">首页</a> <a href="/zwgk/">政务公开</a> <a href="/zwgk/czyjs/">财政预决算</a></div>
            <div class="article">

            """);
        var done = new HashSet<RawTable>();
        foreach (var page in content.Pages)
            for (var i = 0; i < page.Lines.Count; i++)
            {
                if (inTable.TryGetValue((page.Number, i), out var t))
                {
                    if (done.Add(t)) AppendTable(sb, t);
                    continue;
                }
                var line = page.Lines[i];
                var text = line.Text;
                // A paragraph the PDF wrapped over lines is one <p> on a web page.
                while (i + 1 < page.Lines.Count && !inTable.ContainsKey((page.Number, i + 1)) && text.Length >= 20
                       && !Regex.IsMatch(text, "([。:;!?]|表)$") && page.Lines[i + 1].Bold == line.Bold
                       && !Regex.IsMatch(page.Lines[i + 1].Text, @"^(第.{1,3}部分|[一二三四五六七八九十]+、|\(|\d+[.、])"))
                    text = TextNormalizer.Join(text, page.Lines[++i].Text);
                var encoded = WebUtility.HtmlEncode(text);
                sb.Append(line.Bold ? $"<p><b>{encoded}</b></p>\n" : $"<p>{encoded}</p>\n");
            }
        foreach (var t in tables.Where(t => !done.Contains(t))) AppendTable(sb, t);
        return sb.Append("""
            </div>
            <div class="footer">版权所有 ICP备00000000号 <a href="javascript:window.print()">【打印】</a></div>
            </body></html>
            """).ToString();
    }

    private static void AppendTable(StringBuilder sb, RawTable t)
    {
        sb.Append("<table border=\"1\" cellspacing=\"0\">\n");
        foreach (var r in t.Rows)
        {
            sb.Append("<tr>");
            foreach (var c in r.Cells.Where(c => !c.IsCovered))
                sb.Append($"<td{(c.RowSpan > 1 ? $" rowspan=\"{c.RowSpan}\"" : "")}{(c.ColSpan > 1 ? $" colspan=\"{c.ColSpan}\"" : "")}>{WebUtility.HtmlEncode(c.Text)}</td>");
            sb.Append("</tr>\n");
        }
        sb.Append("</table>\n");
    }
}
