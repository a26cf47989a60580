using Extractor.Core.Report;
using Extractor.Office.Legacy;
using Extractor.Pipeline;

namespace Extractor.Office.Tests;

/// <summary>Builds the seed documents once and runs each through the whole pipeline once.</summary>
public sealed class SeedDocuments : IDisposable
{
    public string Dir { get; } = OfficeFixtures.TempDir();
    private readonly Dictionary<string, Report> _reports = new();
    private readonly Lock _lock = new();

    public string Seed000Docx { get; }
    public string Seed003Docx { get; }
    public string Seed003Xlsx { get; }

    public SeedDocuments()
    {
        Seed000Docx = Path.Combine(Dir, "seed000.docx");
        OfficeFixtures.Seed000Docx(Seed000Docx);
        Seed003Docx = Path.Combine(Dir, "seed003.docx");
        OfficeFixtures.Seed003Docx(Seed003Docx);
        Seed003Xlsx = Path.Combine(Dir, "seed003.xlsx");
        OfficeFixtures.Seed003Xlsx(Seed003Xlsx);
    }

    public Report Extract(string path)
    {
        lock (_lock)
        {
            if (!_reports.TryGetValue(path, out var report))
                _reports[path] = report = new ReportExtractor().Extract(path);
            return report;
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { }
    }
}

public sealed class SeedEquivalenceTests(SeedDocuments docs) : IClassFixture<SeedDocuments>
{
    private static Dictionary<string, decimal> Facts(Report r, Func<Fact, bool>? where = null) =>
        r.Facts.Where(where ?? (_ => true)).GroupBy(f => f.Key).ToDictionary(g => g.Key, g => g.First().Value);

    private static string Rules(Report r, string prefix = "") =>
        string.Join("\n", r.Checks.Where(c => c.Rule.StartsWith(prefix, StringComparison.Ordinal)).Select(c => $"{c.Rule} {c.Status} {c.Actual:0.##########}").Order(StringComparer.Ordinal));

    private static string Show(Dictionary<string, decimal> facts) => string.Join(", ", facts.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value:0.##########}"));

    [Fact]
    public void Seed000_AsDocx_HasTheTextsFactsAndSections()
    {
        var text = docs.Extract(OfficeFixtures.SeedPath(OfficeFixtures.Seed000));
        var docx = docs.Extract(docs.Seed000Docx);

        Assert.Equal(OfficeMediaTypes.Docx, docx.Document.MediaType);
        Assert.Equal(text.Document.Kind, docx.Document.Kind);
        Assert.Equal(text.Document.FiscalYear, docx.Document.FiscalYear);
        Assert.Equal(Show(Facts(text)), Show(Facts(docx)));
        var missing = text.Sections.Select(s => s.Id).Distinct().Except(docx.Sections.Select(s => s.Id)).ToList();
        Assert.True(missing.Count == 0, "sections missing from the .docx: " + string.Join(", ", missing));
    }

    [Fact]
    public void Seed000_AsDocx_BookmarksAgreeWithTheText()
    {
        var docx = docs.Extract(docs.Seed000Docx);
        var bookmarkChecks = docx.Checks.Where(c => c.Rule == "bookmark.fact_agrees").ToList();
        // END_THERR_YGCGJFY_AMT (a point before "因公出国（境）费支出决算为0万元") and THERR_GWJDF_AMT (enclosing 3.72).
        Assert.Contains(bookmarkChecks, c => c.Message!.StartsWith("three_public.overseas") && c.Status == CheckStatus.Pass && c.Actual == 0m);
        Assert.Contains(bookmarkChecks, c => c.Message!.StartsWith("three_public.reception") && c.Status == CheckStatus.Pass && c.Actual == 3.72m);
        Assert.All(bookmarkChecks, c => Assert.Contains(c.Evidence, e => e.Kind == "bookmark" && e.Path!.StartsWith("/w:body/w:p[")));
    }

    [Fact]
    public void Seed000_BookmarkThatDisagrees_IsAFailedCheck()
    {
        var path = Path.Combine(docs.Dir, "seed000-wrong-bookmark.docx");
        OfficeFixtures.Seed000Docx(path, receptionAmountInBookmark: "3.27");
        // The bookmark encloses the printed amount, so the text now says 3.27 too; the table-free report reads
        // the amount from the 三公 overview paragraph (3.72) — the two disagree and the check says so.
        var report = new ReportExtractor().Extract(path);
        var check = Assert.Single(report.Checks, c => c.Rule == "bookmark.fact_agrees" && c.Message!.StartsWith("three_public.reception"));
        Assert.Equal((CheckStatus.Fail, 3.72m, 3.27m), (check.Status, check.Expected!.Value, check.Actual!.Value));
    }

    [Fact]
    public void Seed003_AsWordTables_HasTheSameTablesAndFacts()
    {
        var text = docs.Extract(OfficeFixtures.SeedPath(OfficeFixtures.Seed003));
        var docx = docs.Extract(docs.Seed003Docx);

        Assert.Equal(text.Tables.Select(t => t.Id), docx.Tables.Select(t => t.Id));
        Assert.Equal(text.Tables.Select(t => $"{t.Id}:{t.Rows.Count}:{t.Unit}"), docx.Tables.Select(t => $"{t.Id}:{t.Rows.Count}:{t.Unit}"));
        Assert.All(docx.Tables, t => Assert.Equal("docx", t.Method));
        Assert.Equal(Show(Facts(text)), Show(Facts(docx)));
        Assert.Equal(text.Document.Agency, docx.Document.Agency);
        Assert.Equal(Rules(text), Rules(docx));
        Assert.Equal(text.Warnings, docx.Warnings);
    }

    [Fact]
    public void Seed003_AsWorkbook_HasTheSameTablesAndTableFacts()
    {
        var text = docs.Extract(OfficeFixtures.SeedPath(OfficeFixtures.Seed003));
        var xlsx = docs.Extract(docs.Seed003Xlsx);

        Assert.Equal(OfficeMediaTypes.Xlsx, xlsx.Document.MediaType);
        Assert.Equal(text.Tables.Select(t => $"{t.Id}:{t.Rows.Count}:{t.Unit}"), xlsx.Tables.Select(t => $"{t.Id}:{t.Rows.Count}:{t.Unit}"));
        Assert.All(xlsx.Tables, t => Assert.Equal("xlsx", t.Method));
        // Sheet n is page n.
        Assert.Equal(Enumerable.Range(1, 9), xlsx.Tables.Select(t => t.PageStart));
        Assert.Equal(Show(Facts(text, f => f.Provenance.Kind == "table")), Show(Facts(xlsx, f => f.Provenance.Kind == "table")));
        Assert.Equal(Rules(text, "t0"), Rules(xlsx, "t0"));
        // Same values cell for cell.
        foreach (var (t, x) in text.Tables.Zip(xlsx.Tables))
            Assert.Equal(t.Rows.Select(r => string.Join(";", r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value:0.##########}"))),
                x.Rows.Select(r => string.Join(";", r.Values.OrderBy(v => v.Key, StringComparer.Ordinal).Select(v => $"{v.Key}={v.Value:0.##########}"))));
    }

    [Fact]
    public void DocxNamedPdf_IsReadAsDocx()
    {
        var path = Path.Combine(docs.Dir, "really-a-docx.pdf");
        File.Copy(docs.Seed003Docx, path, overwrite: true);
        var report = docs.Extract(path);
        Assert.Equal(OfficeMediaTypes.Docx, report.Document.MediaType);
        Assert.Equal(docs.Extract(docs.Seed003Docx).Tables.Select(t => t.Id), report.Tables.Select(t => t.Id));
    }

    private static string Shape(Report r) => string.Join(" ", r.Tables.Select(t => $"{t.Id}:{t.Rows.Count}:{t.Unit}"));

    [Fact, Trait("Category", "LibreOffice"), Trait("Category", "Slow")]
    public void LegacyDocAndXls_MadeByLibreOffice_ReadLikeTheOriginals()
    {
        Assert.True(LibreOfficeConverter.IsAvailable, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (.ci/run installs it)");
        var lo = new LibreOfficeConverter();
        var doc = Path.Combine(docs.Dir, "seed003.doc");
        File.WriteAllBytes(doc, lo.Convert(docs.Seed003Docx, "docx", "doc"));
        var xls = Path.Combine(docs.Dir, "seed003.xls");
        File.WriteAllBytes(xls, lo.Convert(docs.Seed003Xlsx, "xlsx", "xls"));
        var text = docs.Extract(OfficeFixtures.SeedPath(OfficeFixtures.Seed003));

        var fromDoc = docs.Extract(doc);
        Assert.Equal(OfficeMediaTypes.Doc, fromDoc.Document.MediaType);
        Assert.Equal(Shape(text), Shape(fromDoc));
        Assert.Equal(Show(Facts(text)), Show(Facts(fromDoc)));

        var fromXls = docs.Extract(xls);
        Assert.Equal(OfficeMediaTypes.Xls, fromXls.Document.MediaType);
        Assert.Equal(Shape(text), Shape(fromXls));
        Assert.Equal(Show(Facts(text, f => f.Provenance.Kind == "table")), Show(Facts(fromXls, f => f.Provenance.Kind == "table")));

        // WPS Office's .wps / .et are the same OLE formats under other names.
        var wps = Path.ChangeExtension(doc, ".wps");
        File.Copy(doc, wps);
        var fromWps = docs.Extract(wps);
        Assert.Equal(OfficeMediaTypes.Wps, fromWps.Document.MediaType);
        Assert.Equal(Shape(text), Shape(fromWps));
        var et = Path.ChangeExtension(xls, ".et");
        File.Copy(xls, et);
        Assert.Equal(Shape(text), Shape(docs.Extract(et)));
    }

    [Fact, Trait("Category", "LibreOffice"), Trait("Category", "Slow")]
    public void Seed003_DocxPrintedToPdf_HasTheSameTables()
    {
        Assert.True(LibreOfficeConverter.IsAvailable, "LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (.ci/run installs it)");
        var pdf = Path.Combine(docs.Dir, "seed003-printed.pdf");
        File.WriteAllBytes(pdf, new LibreOfficeConverter().Convert(docs.Seed003Docx, "docx", "pdf"));
        var fromPdf = docs.Extract(pdf);
        var fromDocx = docs.Extract(docs.Seed003Docx);
        Assert.Equal("application/pdf", fromPdf.Document.MediaType);
        Assert.Equal(fromDocx.Tables.Select(t => t.Id), fromPdf.Tables.Select(t => t.Id));
        var headline = new[] { "income.total", "expenditure.total", "expenditure.basic", "basic.personnel", "basic.public", "three_public.total" };
        Assert.Equal(Show(Facts(fromDocx, f => headline.Contains(f.Key))), Show(Facts(fromPdf, f => headline.Contains(f.Key))));
    }
}
