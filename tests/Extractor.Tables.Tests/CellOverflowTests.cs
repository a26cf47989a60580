using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Tables.Lattice;

namespace Extractor.Tables.Tests;

/// <summary>
/// Text printed past the bottom of a cell too small for it goes back to its cell (<see cref="CellOverflow"/>). The
/// geometry of each page is that of a real form or table (line heights, spacings, pokes across the border, in points);
/// the words are the forms' own.
/// </summary>
public class CellOverflowTests
{
    private static TextWord Line(string text, double left, double bottom, double top, double width = 80, string font = "F") =>
        new(text, new Box(left, bottom, left + width, top), top - bottom, font, false);

    /// <summary>A line as an OCR engine gives it: the detector's box, a margin round the ink.</summary>
    private static TextWord Read(string text, double left, double bottom, double top, double width = 80) =>
        Line(text, left, bottom, top, width, OcrReaders.FontName);

    /// <summary>A two-column grid: text column 100–260, comparison column 260–320, row lines at <paramref name="ys"/>.</summary>
    private static RawTable Table(IEnumerable<TextWord> words, params double[] ys)
    {
        var rulings = new List<Ruling>();
        foreach (var y in ys) rulings.Add(new Ruling(100, y, 320, y));
        foreach (var x in new double[] { 100, 260, 320 }) rulings.Add(new Ruling(x, ys[^1], x, ys[0]));
        return Assert.Single(new LatticeTableFinder().Find(new PageContent(1, 600, 800, words.ToList(), [], rulings)));
    }

    [Fact]
    public void A_wrapped_names_last_line_past_its_rows_border_is_its_rows()
    {
        // A spreadsheet export: the indicator name wraps to three lines in a row ruled for two; its third line crosses
        // the border 1.6 pt and starts the next row's cell, at the name's own line spacing. The next row's own name
        // sits in the middle of its cell.
        var t = Table([
            Line("形成安全评估、光伏审核", 102, 691.4, 698.8), Line("审计及新能源项目征集情", 102, 682.3, 689.7),
            Line("况报告", 102, 673.2, 680.6, 22), Line("≥", 285, 686, 693, 6),
            Line("委托工作按时完成率", 102, 665.0, 672.4, 66), Line("≥", 285, 665.2, 672.2, 6),
        ], 700, 679, 659);
        Assert.Equal("形成安全评估、光伏审核审计及新能源项目征集情况报告", t.Cell(0, 0));
        Assert.Equal("委托工作按时完成率", t.Cell(1, 0));
    }

    [Fact]
    public void A_line_printed_over_the_next_rows_text_is_the_row_aboves()
    {
        // An expenditure table's economic item: 机关事业单位基本养老保 / 险缴费, its second line printed over the next
        // row's 30109-职业年金缴费 (they share 2.3 pt of height: a cell's own lines never overlap).
        var t = Table([
            Line("30108-机关事业单位基本养老保", 102, 686.0, 696.0, 127), Line("768.17", 270, 686.0, 696.0, 40),
            Line("险缴费", 102, 675.1, 685.1, 27), Line("30109-职业年金缴费", 102, 668.5, 677.4, 82), Line("384.09", 270, 668.5, 677.4, 40),
        ], 700, 684, 664);
        Assert.Equal("30108-机关事业单位基本养老保险缴费", t.Cell(0, 0));
        Assert.Equal("30109-职业年金缴费", t.Cell(1, 0));
    }

    [Fact]
    public void A_scanned_cells_own_two_lines_stay_in_it_though_their_boxes_overlap()
    {
        // A scanned form's 二级指标 cell: 服务对象满意度 / 指标 in two lines, read by OCR into boxes that reach 0.8 pt
        // over the border above (level with the last line of the cell above, 经济成本指标) and share 1.7 pt of height
        // with each other, as the detector's margins make them; neither is printed over the other.
        var t = Table([
            Read("经济成本指标", 102, 406.9, 414.0, 34), Read("≤", 285, 406.8, 413.9, 6),
            Read("服务对象满意度", 102.1, 398.0, 406.7, 39), Read("指标", 102.3, 390.8, 399.7, 10), Read("≥", 285, 393.9, 401.5, 6),
        ], 420, 405.9, 388);
        Assert.Equal("经济成本指标", t.Cell(0, 0));
        Assert.Equal("服务对象满意度指标", t.Cell(1, 0));
    }

    [Fact]
    public void A_centred_name_too_tall_for_its_cell_keeps_its_first_line()
    {
        // The lower row's name is three lines centred in a cell ruled for two and a half: its first line crosses the
        // border above at the upper name's line spacing, but the name sits in its cell's middle only with that line.
        var t = Table([
            Line("医疗机构创新成", 102, 767.0, 776.0, 63), Line("果转化项目清单", 102, 755.7, 764.7, 63), Line("＝", 285, 761, 770, 9),
            Line("创新药械研究和", 102, 744.1, 753.1, 63), Line("产业化进展情况", 102, 732.8, 741.8, 63), Line("清单", 102, 721.5, 730.5, 18),
            Line("＝", 285, 733, 742, 9),
        ], 778, 752.5, 722.1);
        Assert.Equal("医疗机构创新成果转化项目清单", t.Cell(0, 0));
        Assert.Equal("创新药械研究和产业化进展情况清单", t.Cell(1, 0));
    }

    [Fact]
    public void A_line_sharing_its_baseline_with_the_cells_own_text_stays()
    {
        // 护 overflowing from 2130306-水利工程运行与维 stands on the baseline of the next row's own code and name: the
        // reader may have joined them (护2130308), and nothing there can be parted safely.
        var t = Table([
            Line("2130306-水利工程运行与维", 102, 686.0, 696.0, 110), Line("12.00", 270, 686.0, 696.0, 30),
            Line("护2130308", 102, 675.1, 685.1, 40), Line("-水利前期工作", 142, 675.1, 685.1, 60), Line("8.00", 270, 675.1, 685.1, 25),
        ], 700, 684, 664);
        Assert.Equal("2130306-水利工程运行与维", t.Cell(0, 0));
        Assert.Equal("护2130308-水利前期工作", t.Cell(1, 0).Replace(" ", ""));
    }
}
