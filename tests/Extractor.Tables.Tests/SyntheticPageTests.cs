using Extractor.Core.Layout;
using Extractor.Tables.Auto;
using Extractor.Tables.Lattice;
using Extractor.Tables.Stream;
using Extractor.Tables.Text;

namespace Extractor.Tables.Tests;

/// <summary>Small hand-built pages for the behaviours the issue names, independent of any PDF.</summary>
public class SyntheticPageTests
{
    private static TextWord Read(string text, double left, double baseline, double width, double size = 10) =>
        W(text, left, baseline, width, size) with { FontName = OcrReaders.FontName };

    private static TextWord W(string text, double left, double baseline, double width, double size = 10) =>
        new(text, new Box(left, baseline - 0.2 * size, left + width, baseline + 0.8 * size), size, "F", false);

    private static PageContent Page(IEnumerable<TextWord> words, IEnumerable<Ruling>? rulings = null) =>
        new(1, 600, 800, words.ToList(), [], (rulings ?? []).ToList());

    private static IEnumerable<Ruling> Grid(double[] xs, double[] ys)
    {
        foreach (var y in ys) yield return new Ruling(xs[0], y, xs[^1], y);
        foreach (var x in xs) yield return new Ruling(x, ys[^1], x, ys[0]);
    }

    [Fact]
    public void LatticeKeepsMergedCellOnceWithSpans()
    {
        // Header "收入" over two columns: no ruling between them in the top row.
        var rulings = new List<Ruling>
        {
            new(100, 700, 400, 700), new(100, 680, 400, 680), new(100, 660, 400, 660),
            new(100, 660, 100, 700), new(400, 660, 400, 700), new(250, 660, 250, 680),
        };
        var page = Page([W("收入", 230, 686, 20), W("项目", 150, 666, 20), W("金额", 300, 666, 20)], rulings);
        var t = Assert.Single(new LatticeTableFinder().Find(page));
        Assert.Equal(2, t.ColumnCount);
        Assert.Equal("收入", t.Rows[0].Cells[0].Text);
        Assert.Equal(2, t.Rows[0].Cells[0].ColSpan);
        Assert.True(t.Rows[0].Cells[1].IsCovered);
        Assert.Equal(["项目", "金额"], t.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void AMergedCellsTextReadAsTwoWordsStaysOneCellWhileAmountsInAnUnruledBandSplit()
    {
        // Columns 100–250–400; the second row has no border at 250. OCR gave its one text as two words meeting near
        // the border of the rows above: one cell. The third row (also unruled at 250) sets two amounts in their columns.
        var rulings = new List<Ruling>
        {
            new(100, 700, 400, 700), new(100, 680, 400, 680), new(100, 660, 400, 660), new(100, 640, 400, 640),
            new(100, 640, 100, 700), new(400, 640, 400, 700), new(250, 680, 250, 700),
        };
        var page = Page([W("绩效指标", 150, 686, 40), W("指标值", 300, 686, 30),
            Read("产出指标数量指标评审", 146, 666, 100), Read("工作全市培训次数", 252, 666, 80),
            Read("120.00", 200, 646, 40), Read("80.00", 350, 646, 40)], rulings);
        var t = Assert.Single(new LatticeTableFinder().Find(page));
        Assert.Equal("产出指标数量指标评审工作全市培训次数", t.Rows[1].Cells[0].Text);
        Assert.Equal(2, t.Rows[1].Cells[0].ColSpan);
        Assert.Equal(["120.00", "80.00"], t.Rows[2].Cells.Select(c => c.Text));
        // A text layer's strings part where the producer parted them: a paragraph's line ending 2.5 pt before the
        // next column's text (a 绩效目标 beside its 一级指标 in an unruled band) stays two cells.
        var layer = Page([W("绩效目标", 150, 686, 40), W("一级指标", 300, 686, 40),
            W("通过为拦河闸闸门启闭机增设", 117.5, 666, 130), W("产出指标", 250, 666, 40)], rulings);
        Assert.Equal(["通过为拦河闸闸门启闭机增设", "产出指标"], Assert.Single(new LatticeTableFinder().Find(layer)).Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void CellLinesJoinWithoutSpaceBetweenCjkAndNumbersWrappedInNarrowCellsRejoin()
    {
        var page = Page(
            [W("机关事业单位基本养老保险缴费", 105, 690, 140), W("支出", 105, 678, 20), W("174,900", 265, 690, 35), W(".64", 265, 678, 15)],
            Grid([100, 260, 310], [700, 670]));
        var t = Assert.Single(new LatticeTableFinder().Find(page));
        Assert.Equal("机关事业单位基本养老保险缴费支出", t.Cell(0, 0));
        Assert.Equal("174,900.64", t.Cell(0, 1));
    }

    [Fact]
    public void LatinLinesJoinWithOneSpace() =>
        Assert.Equal("Cycle Name", CellText.Of([W("Cycle", 10, 700, 25), W("Name", 10, 688, 25)]));

    [Fact]
    public void ASeparatorJoinsTheDigitBeforeItOnlyWhenDigitsFollow()
    {
        // "1" "," "234" is one amount; a footnote mark "2" before a dot leader keeps its space.
        Assert.Equal("1,234", CellText.JoinWords([W("1", 10, 700, 5), W(",", 16, 700, 2), W("234", 19, 700, 15)]));
        Assert.Equal("Sex offenses 2 . .", CellText.JoinWords([W("Sex", 10, 700, 15), W("offenses", 27, 700, 38),
            W("2", 67, 700, 3, 6), W(".", 72, 700, 1), W(".", 77, 700, 1)]));
    }

    [Fact]
    public void ASpaceAfterAOneDoesNotSplitAPhrase()
    {
        // The ink of "1" ends well before its advance: the space after it measures 0.6 em, still one phrase.
        var row = Assert.Single(TextRows.Build([W("by", 10, 700, 10), W("12,371", 23, 700, 30), W("agencies", 59, 700, 40)]));
        Assert.Equal("by 12,371 agencies", Assert.Single(row.Chunks).Text);
    }

    [Fact]
    public void StreamJoinsWrappedLabelToTheRowHoldingItsNumbers()
    {
        // 收入决算表: the label wraps over two lines; code and numbers sit on the middle baseline.
        var words = new List<TextWord>
        {
            W("201", 70, 700, 15), W("一般公共服务支出", 130, 700, 80), W("264.87", 300, 700, 30), W("264.87", 380, 700, 30),
            W("208", 70, 677, 15), W("社会保障和就业支出", 130, 677, 90), W("10.82", 305, 677, 25), W("10.82", 385, 677, 25),
            W("机关事业单位基本养老保险缴费", 130, 658, 140),
            W("2080505", 70, 650, 35), W("6.18", 310, 650, 20), W("6.18", 390, 650, 20),
            W("支出", 130, 642, 20),
            W("2080506", 70, 623, 35), W("机关事业单位职业年金缴费支出", 130, 623, 140), W("4.64", 310, 623, 20), W("4.64", 390, 623, 20),
            W("210", 70, 600, 15), W("卫生健康支出", 130, 600, 60), W("2.71", 310, 600, 20), W("2.71", 390, 600, 20),
        };
        var t = StreamTableFinder.FindIn(Page(words), new Box(60, 590, 450, 712), logicalRows: true);
        Assert.NotNull(t);
        Assert.Equal(5, t.Rows.Count);
        Assert.Equal(4, t.ColumnCount);
        Assert.Equal(["2080505", "机关事业单位基本养老保险缴费支出", "6.18", "6.18"], t.Rows[2].Cells.Select(c => c.Text));
        // Explicit stream reads every printed line as a row, as tabula and camelot do.
        Assert.Equal(7, StreamTableFinder.FindIn(Page(words), new Box(60, 590, 450, 712))!.Rows.Count);
    }

    [Fact]
    public void StreamCutsTightHeaderWordsAtTheGutterOfTheColumnsBelow()
    {
        // "Female sterilization" / "Male sterilization": the two lower header words sit 0.45 em apart.
        var words = new List<TextWord>
        {
            W("Female", 110, 710, 24), W("Male", 155, 710, 17),
            W("Group", 20, 700, 22), W("sterilization", 102, 700, 38), W("sterilization", 143.7, 700, 38),
            W("A", 20, 690, 6), W("42.9", 114, 690, 15), W("0.9", 158, 690, 10),
            W("B", 20, 680, 6), W("26.8", 114, 680, 15), W("0.6", 158, 680, 10),
            W("C", 20, 670, 6), W("34.9", 114, 670, 15), W("0.0", 158, 670, 10),
        };
        var t = StreamTableFinder.FindIn(Page(words), new Box(10, 660, 300, 720))!;
        Assert.Equal(3, t.ColumnCount);
        Assert.Equal(["Group", "sterilization", "sterilization"], t.Rows[1].Cells.Select(c => c.Text));
    }

    [Fact]
    public void StreamKeepsRightAlignedNumbersInTheirColumn()
    {
        var words = new List<TextWord>
        {
            W("项目", 70, 700, 20), W("金额", 290, 700, 20), W("比例", 380, 700, 20),
            W("甲", 70, 680, 10), W("1,234.56", 270, 680, 40), W("12.5", 390, 680, 20),
            W("乙", 70, 660, 10), W("7.00", 290, 660, 20), W("3.0", 395, 660, 15),
            W("丙", 70, 640, 10), W("89.10", 285, 640, 25), W("100.0", 385, 640, 25),
        };
        var t = StreamTableFinder.FindIn(Page(words), new Box(60, 630, 450, 712))!;
        Assert.Equal(3, t.ColumnCount);
        Assert.Equal(["乙", "7.00", "3.0"], t.Rows[2].Cells.Select(c => c.Text));
    }

    [Fact]
    public void AutoReadsAFramedTableWithoutColumnLinesByAlignment()
    {
        // Only an outer frame and row lines: the grid has one column, the text has three.
        var rulings = new List<Ruling> { new(60, 710, 450, 710), new(60, 690, 450, 690), new(60, 670, 450, 670), new(60, 650, 450, 650),
            new(60, 650, 60, 710), new(450, 650, 450, 710) };
        var words = new List<TextWord>
        {
            W("项目", 70, 697, 20), W("金额", 290, 697, 20), W("比例", 380, 697, 20),
            W("甲", 70, 677, 10), W("1,234.56", 270, 677, 40), W("12.5", 390, 677, 20),
            W("乙", 70, 657, 10), W("7.00", 290, 657, 20), W("3.0", 395, 657, 15),
        };
        var t = Assert.Single(new AutoTableFinder().Find(Page(words, rulings)));
        Assert.Equal(3, t.ColumnCount);
        Assert.Equal(["甲", "1,234.56", "12.5"], t.Rows[1].Cells.Select(c => c.Text));
    }
}
