using Extractor.Core.Pipeline;
using Extractor.Pdf.Reading;
using Extractor.TestSupport;

namespace Extractor.Pdf.Tests;

public class PdfDocumentReaderTests
{
    private static readonly PdfDocumentReader Reader = new();

    [Fact]
    public void ClippedOverflowTextIsNotRead()
    {
        // WPS repeats overflow text on page 5, hidden by a clip path; a reader sees ~90 CJK letters, not 701.
        var doc = Reader.Read(Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf"));
        var page = doc.Pages[4];
        var cjk = page.Lines.Sum(l => l.Text.Count(c => c >= '\u4E00' && c <= '\u9FFF'));
        Assert.InRange(cjk, 60, 150);
        Assert.Contains(page.Lines, l => l.Text.StartsWith("(十)完成区委、区政府交办的其他任务"));
    }

    [Fact]
    public void FullWidthPunctuationStaysOnItsLine()
    {
        var doc = Reader.Read(Corpus.Path("dev", "sh-putuo-sifaju-2026-budget.pdf"));
        Assert.Contains(doc.Pages[4].Lines, l => l.Text == "(九)规划、协调、指导本区法治人才队伍建设相关工作。负责本系统各类干部队伍建设。");
    }

    [Fact]
    public void TablePageHasRulingsAndRowsInReadingOrder()
    {
        var doc = Reader.Read(Corpus.Path("dev", "sh-putuo-shegongbu-2024-final.pdf"));
        Assert.Equal(24, doc.Pages.Count);
        var page = doc.Pages[5];
        Assert.True(page.Width > page.Height, "landscape table page");
        Assert.NotEmpty(page.Rulings);
        var texts = page.Lines.Select(l => l.Text).ToList();
        var total = texts.FindIndex(t => t.StartsWith("合计 307.82"));
        var first = texts.FindIndex(t => t.StartsWith("201 一般公共服务支出"));
        Assert.True(total >= 0 && first > total);
    }

    [Fact]
    public void NotAPdfIsRefusedWithAReason()
    {
        var path = System.IO.Path.GetTempFileName();
        File.WriteAllText(path, "<!DOCTYPE html><html><body>404</body></html>");
        var e = Assert.Throws<ExtractionException>(() => Reader.Read(path));
        Assert.Equal("not_a_pdf", e.Reason);
        Assert.Contains("HTML", e.Message);
        File.Delete(path);
    }

    [Fact]
    public void PagesReadOnTwoCoresAreTheSequentialPages()
    {
        // Two PdfPig documents share the pages: order, text, words and rulings must not depend on which read a page.
        var path = Corpus.Path("dev", "gd-foshan-gdjtj-2019-final.pdf");
        var one = Reader.Read(path);
        var two = Reader.Read(path, new PdfReadOptions { ParallelPages = true });
        Assert.Equal(one.Pages.Count, two.Pages.Count);
        for (var i = 0; i < one.Pages.Count; i++)
        {
            Assert.Equal(one.Pages[i].Number, two.Pages[i].Number);
            Assert.Equal(one.Pages[i].Lines.Select(l => (l.Text, l.Box)), two.Pages[i].Lines.Select(l => (l.Text, l.Box)));
            Assert.Equal(one.Pages[i].Words.Select(w => (w.Text, w.Box, w.Bold)), two.Pages[i].Words.Select(w => (w.Text, w.Box, w.Bold)));
            Assert.Equal(one.Pages[i].Rulings, two.Pages[i].Rulings);
        }
    }
}
