using Extractor.Core.Report;
using Extractor.Pdf.Reading;
using Extractor.Recognition.Meaning;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// A full-width punctuation mark is set in a whole em with its ink in one half (an opening “ 《 in the right half, a
/// closing ” 》 ， in the left), and a text layer's glyph boxes are ink: the blank half must not cut a word, or a cell's
/// text falls apart where a column border of other rows passes. Two producers: a Jiangsu budget's 三公 table head and
/// a Shanghai performance form's indicator.
/// </summary>
public class FullWidthMarkTests
{
    [Fact]
    public void A_quoted_name_in_a_table_head_is_one_word()
    {
        var page = new PdfDocumentReader().Read(Corpus.Path("extra", "js-rdcwh-2018-dept-budget-p15.pdf")).Pages[0];
        // Was “三公” and 经费: the closing quote's blank half read as a gap between words.
        Assert.Contains(page.Words, w => w.Text == "“三公”经费");
    }

    [Fact]
    public void An_indicator_with_a_quotation_keeps_its_whole_name()
    {
        var report = new ReportExtractor(new ExtractionSettings()).Extract(Corpus.Path("extra", "sh-putuo-wanlijd-2023-budget-perf-forms.pdf"));
        var indicators = report.Tables.SelectMany(t => t.Rows).Where(r => r.Is(PerformanceFields.IndicatorRow)).Select(r => r.Label).ToList();
        // Was 完善人大代表: the opening quote's blank half split the cell at an unruled column border, and the rest was lost.
        Assert.Contains("完善人大代表“家站点”建设", indicators);
        Assert.DoesNotContain("完善人大代表", indicators);
    }
}
