using Extractor.Core.Report;
using Extractor.Ocr;
using Extractor.Recognition.Meaning;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// A performance form read from an image-only copy of its page (PP-OCR, the default engine) must give the indicator
/// rows its text PDF gives, with their cells, and never a figure the page does not print. Two producers: Beijing's
/// department-wide form, ruled in silver hairlines (a table made from a web page), and Changsha's project and
/// department-wide forms, ruled in black, whose scores, units and comparison signs stand alone in narrow cells.
/// </summary>
[Trait("Category", "Slow")]
public class ScannedPerformanceFormTests
{
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(30);

    [Theory]
    [InlineData("bj-czj-2026-budget-dept-perf-pages.pdf", 9, 200, 0.9)]
    // Changsha's project form prints its figures alone in narrow cells in small type: a lone 6 the detector frames as
    // tight as its ink (read h unless framed again with a margin), lone 1s it misses (framed from their ink, as wide
    // as tall, or a 1 is laid flat and read 一). Every cell as the text PDF gives it, at 200 and at 150 dpi.
    [InlineData("hn-changsha-gaj-2025-budget-perf-pages.pdf", 1, 200, 1.0)]
    [InlineData("hn-changsha-gaj-2025-budget-perf-pages.pdf", 1, 150, 1.0)]
    // Changsha's department-wide form: its = are small hairlines, too light for the detector.
    [InlineData("hn-changsha-gaj-2025-budget-dept-perf-pages.pdf", 4, 200, 0.9)]
    public void Scanned_form_gives_the_text_pdfs_indicators_with_no_wrong_figure(string file, int page, int dpi, double minShare)
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var pdf = Corpus.Path("extra", file);
        var text = Indicators(new ReportExtractor(new ExtractionSettings()).Extract(pdf), page);
        Assert.NotEmpty(text);
        using var copy = ScanMaker.ScanToFile(pdf, [page], dpi);
        var scan = Indicators(new ReportExtractor(new ExtractionSettings { Ocr = OcrEngine.PpOcr, PerDocumentTimeout = Slack }).Extract(copy.Path), 1);
        Assert.Equal(text.Count, scan.Count);
        int cells = 0, right = 0, comparisons = 0, comparisonsRead = 0;
        for (var i = 0; i < text.Count; i++)
        {
            foreach (var (column, value) in text[i].Values)
            {
                cells++;
                if (!scan[i].Values.TryGetValue(column, out var read)) continue;
                Assert.True(read == value, $"indicator {i + 1} ({text[i].Label}): {column} read {read}, printed {value}");
                right++;
            }
            foreach (var (column, words) in text[i].Texts ?? [])
            {
                cells++;
                var read = scan[i].Texts?.GetValueOrDefault(column);
                if (read is null) continue;
                // The target's figure is a number, parsed from the cell: never another one.
                if (column == "target_value") Assert.True(read == words, $"indicator {i + 1} ({text[i].Label}): target {read}, printed {words}");
                if (read == words) right++;
            }
            // The comparison, as printed alone in its cell (≥ ≤ =, the slanted ⩾ ⩽) and as target_comparison: read
            // from its shape, right or not at all.
            foreach (var (column, words) in text[i].Texts ?? [])
            {
                if (column != "target_comparison" && !ComparisonSignShape.IsSign(words)) continue;
                comparisons++;
                if (scan[i].Texts?.GetValueOrDefault(column) is not { } read) continue;
                Assert.True(read == words, $"indicator {i + 1} ({text[i].Label}): {column} read {read}, printed {words}");
                comparisonsRead++;
            }
        }
        Assert.True(right >= minShare * cells, $"{right} of {cells} cells read as the text PDF gives them at {dpi} dpi");
        Assert.True(comparisons > 0 && comparisonsRead == comparisons, $"{comparisonsRead} of {comparisons} comparison cells read");
    }

    /// <summary>
    /// A full-width ＝ alone in its cell, as some producers print a form's comparison: the recogniser reads it 二 or 三,
    /// and sure (a city's department-wide forms, scanned at 200 dpi). Its two bars of one length name it = by shape; a
    /// true 二 printed alone (bars of unequal length) stays 二. The form is built here in a Song typeface.
    /// </summary>
    [Fact]
    public void A_full_width_equals_sign_alone_in_its_cell_is_not_read_as_a_numeral()
    {
        string[][] rows =
        [
            ["产出指标", "数量指标", "培训人数", "＝", "200", "人次"], ["产出指标", "数量指标", "编制报告数量", "＝", "12", "篇"],
            ["产出指标", "质量指标", "验收通过率", "≥", "90", "%"], ["成本指标", "经济成本指标", "单项委托成本", "≤", "30", "万元"],
            ["效益指标", "社会效益指标", "服务对象满意度", "≥", "95", "%"], ["产出指标", "时效指标", "按时完成率", "＝", "100", "%"],
            ["产出指标", "数量指标", "开展检查次数", "＝", "4", "次"], ["效益指标", "社会效益指标", "评定等级", "定性", "二", "级"],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "90", "%"],
        ];
        var scan = ScannedForm(rows, "td, th { border: 0.5pt solid #999; padding: 4px; text-align: center; font-weight: normal }");
        for (var i = 0; i < rows.Length; i++)
        {
            var comparison = rows[i][3] == "＝" ? "=" : rows[i][3];
            var read = scan[i].Texts ?? new Dictionary<string, string>();
            Assert.True(read.GetValueOrDefault("指标性质") == comparison, $"{rows[i][2]}: comparison read {read.GetValueOrDefault("指标性质")}, printed {comparison}");
            ValueReadAsPrinted(scan, rows, i);
        }
    }

    /// <summary>
    /// Figures printed against the left border of their cell, with no padding, as some producers' forms print their
    /// targets (a city's department-wide forms): the ruling is painted out before the page is read, and a band of fixed
    /// width around it took the left stroke of a 9 or a 2, which the recogniser then read, surely, as 3 or 1 (95 → 35).
    /// Every figure must come out as printed. The form is built here, ruled in silver, its figures in small sans type
    /// (thin strokes a pixel from the border at 200 dpi, as that city's are).
    /// </summary>
    [Fact]
    public void Figures_printed_against_their_cells_border_are_read_whole()
    {
        string[][] rows =
        [
            ["产出指标", "数量指标", "培训工作完成率", "≥", "95", "%"], ["产出指标", "数量指标", "完成重大安保任务数量", "≥", "2", "个"],
            ["产出指标", "质量指标", "案件办结率", "≥", "99", "%"], ["产出指标", "时效指标", "按时完成率", "≥", "95", "%"],
            ["效益指标", "社会效益指标", "群众安全感", "≥", "99", "%"], ["成本指标", "经济成本指标", "单位运行成本", "≤", "92", "万元"],
            ["产出指标", "数量指标", "开展演练次数", "≥", "29", "次"], ["满意度指标", "服务对象满意度指标", "群众满意度", "≥", "95", "%"],
        ];
        // The value column (the fifth) set flush against its left border.
        var scan = ScannedForm(rows, """
            td, th { border: 0.75pt solid #bbb; padding: 4px; text-align: left; font-weight: normal }
            td:nth-child(5) { padding-left: 0; font-family: 'Noto Sans CJK SC'; font-size: 6pt }
            """);
        for (var i = 0; i < rows.Length; i++) ValueReadAsPrinted(scan, rows, i);
    }

    /// <summary>Row <paramref name="i"/>'s 指标值 (the fifth cell printed) read as printed.</summary>
    private static void ValueReadAsPrinted(List<ReportRow> scan, string[][] rows, int i)
    {
        var read = scan[i].Texts ?? new Dictionary<string, string>();
        Assert.True(read.GetValueOrDefault("指标值") == rows[i][4], $"{rows[i][2]}: value read {read.GetValueOrDefault("指标值")}, printed {rows[i][4]}");
    }

    /// <summary>
    /// A department-wide form of the given indicator rows (一级 | 二级 | 三级指标 | 指标性质 | 指标值 | 度量单位) built as
    /// HTML with the cells' style, printed by Chromium, scanned at 200 dpi and read with PP-OCR: its indicator rows, one for each
    /// row printed.
    /// </summary>
    private static List<ReportRow> ScannedForm(string[][] rows, string cellStyle)
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var body = string.Concat(rows.Select(r => "<tr>" + string.Concat(r.Select(c => $"<td>{c}</td>")) + "</tr>"));
        using var form = PrintedPage.FromHtml($$"""
            <html><head><meta charset="utf-8"><style>
            body { font-family: 'Noto Serif CJK SC'; font-size: 9pt; margin: 40px }
            table { border-collapse: collapse; width: 100% }
            {{cellStyle}}
            </style></head><body>
            <h3 style="text-align: center; font-weight: normal; font-size: 14pt">部门整体支出绩效目标表</h3>
            <table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标性质</th><th>指标值</th><th>度量单位</th></tr>{{body}}</table>
            </body></html>
            """);
        using var copy = ScanMaker.ScanToFile(form.Path, [1], 200);
        var scan = Indicators(new ReportExtractor(new ExtractionSettings { Ocr = OcrEngine.PpOcr, PerDocumentTimeout = Slack }).Extract(copy.Path), 1);
        Assert.Equal(rows.Length, scan.Count);
        return scan;
    }

    private static List<ReportRow> Indicators(Report report, int page) =>
        report.Tables.SelectMany(t => t.Rows).Where(r => r.Is(PerformanceFields.IndicatorRow) && r.Provenance?.Page == page).ToList();
}
