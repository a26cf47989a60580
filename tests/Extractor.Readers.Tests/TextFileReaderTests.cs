using Extractor.Core.Pipeline;
using Extractor.Readers.Text;
using Extractor.TestSupport;

namespace Extractor.Readers.Tests;

public class TextFileReaderTests
{
    private static readonly TextFileReader Reader = new();

    [Fact]
    public void SeedWithCellPerLineTablesGivesTheNinePublicTables()
    {
        var doc = Reader.Read(Corpus.Path("seeds", "003_5cba4ecd56cdf973.txt"), new ReadLimits());
        Assert.Equal("text/plain", doc.MediaType);
        Assert.Single(doc.Pages);
        var labels = doc.NativeTables.Select(t => t.Caption.FirstOrDefault(c => c.StartsWith("公开"))).ToList();
        Assert.Equal(["公开01表", "公开02表", "公开03表", "公开04表", "公开05表", "公开06表", "公开07表", "公开08表", "公开09表"], labels);
        Assert.All(doc.NativeTables, t => Assert.Equal("text", t.Method));
        Assert.Contains("收入决算表", doc.NativeTables[1].Caption);
        Assert.Contains("金额单位:万元", doc.NativeTables[1].Caption);
        Assert.All(doc.NativeTables, t => Assert.All(t.Rows, r => Assert.Equal(t.ColumnCount, r.Cells.Count)));
    }

    [Fact]
    public void MergedCellsDroppedByTheTextAreSpannedAgain()
    {
        var doc = Reader.Read(Corpus.Path("seeds", "003_5cba4ecd56cdf973.txt"), new ReadLimits());
        var t02 = doc.NativeTables[1];
        // "项目" heads the code and name columns; "合计" spans them too.
        Assert.Equal(2, t02.Rows[0].Cells[0].ColSpan);
        Assert.True(t02.Rows[0].Cells[1].IsCovered);
        var total = t02.Rows.First(r => r.Cells[0].Text == "合计");
        Assert.Equal("105.06", total.Cells[2].Text);
        var t05 = doc.NativeTables[4];
        Assert.Equal("本年支出", t05.Rows[0].Cells[2].Text);
        Assert.Equal(3, t05.Rows[0].Cells[2].ColSpan);
        var t07 = doc.NativeTables[6];
        Assert.Equal(6, t07.Rows[0].Cells[0].ColSpan); // 预算数 | 决算数
        Assert.Equal(3, t07.Rows[1].Cells[2].ColSpan); // 公务用车购置及运行费 over 小计/购置/运行
    }

    [Fact]
    public void TextLinesAreNormalisedAndFormFeedsBreakPages()
    {
        var path = Path.Combine(Path.GetTempPath(), $"extractor-text-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "第一页　收入合计１０５．０６万元\n\f第二页\n表一\n收入决算表\n项目\t金额\n合计\t1.00\n一、财政拨款\t1.00\n");
        try
        {
            var doc = Reader.Read(path, new ReadLimits());
            Assert.Equal(2, doc.Pages.Count);
            Assert.Equal("第一页 收入合计105.06万元", doc.Pages[0].Lines[0].Text);
            var table = Assert.Single(doc.NativeTables);
            Assert.Equal(2, table.PageStart);
            Assert.Contains("收入决算表", table.Caption);
            Assert.Equal(3, table.Rows.Count);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void TableOfContentsIsNotATable()
    {
        var doc = Reader.Read(Corpus.Path("seeds", "001_cfc26b93a4164a2f.txt"), new ReadLimits());
        Assert.DoesNotContain(doc.NativeTables, t => t.Rows.Any(r => r.Cells[0].Text.EndsWith("..")));
    }
    [Fact]
    public void RowsGoOnAfterABlankLineWhenTheNextLineIsARowOfTheSameWidth()
    {
        // A final account's self-evaluation form: the exporter left a blank line after the first indicator line; the
        // indicator lines after it are rows of the same table, not the cells of one row.
        var doc = Reader.Read(Corpus.Path("seeds", "001_cfc26b93a4164a2f.txt"), new ReadLimits());
        var form = Assert.Single(doc.NativeTables, t => t.Rows.Any(r => r.Cells.Any(c => c.Text == "实际完成指标值")));
        Assert.All(form.Rows, r => Assert.Equal(6, r.Cells.Count));
        var texts = form.Rows.Select(r => r.Cells[3].Text).ToList();
        Assert.Equal(["定点医院、定点", "诊所及药店监管", "外伤调查人数"], texts.SkipWhile(t => t != "定点医院、定点").Take(3));
        Assert.Equal("服务对象满意度", form.Rows[^1].Cells[3].Text);
    }

    [Fact]
    public void ABlankLineStillEndsARowPerLineTableBeforeRowsOfAnotherWidth()
    {
        var path = Path.Combine(Path.GetTempPath(), $"extractor-text-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, "收入决算表\n项目\t金额\t备注\t说明\n合计\t1.00\t\t\n\t一、财政拨款\t1.00\t\n\n\t甲\t乙\n\n\t丙\t丁\n");
        try
        {
            var doc = Reader.Read(path, new ReadLimits());
            Assert.Equal(2, doc.NativeTables.Count);
            Assert.Equal(3, doc.NativeTables[0].Rows.Count);
        }
        finally { File.Delete(path); }
    }
}
