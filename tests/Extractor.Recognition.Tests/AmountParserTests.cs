using Extractor.Recognition.Amounts;
using Extractor.Recognition.Rows;

namespace Extractor.Recognition.Tests;

public class AmountParserTests
{
    [Theory]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("(12.30)", -12.30)]
    [InlineData("-5", -5)]
    [InlineData("-", 0)]
    [InlineData("—", 0)]
    [InlineData("0.00", 0)]
    [InlineData("174,900 .64", 174900.64)]
    public void Parses(string text, double expected) => Assert.Equal((decimal)expected, AmountParser.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("合计")]
    [InlineData("12万元")]
    public void BlankOrWordsAreAbsent(string text) => Assert.Null(AmountParser.Parse(text));

    [Fact]
    public void KeepsPrintedDecimals()
    {
        Assert.Equal(2, AmountParser.Decimals(AmountParser.Parse("4.90")!.Value));
        Assert.Equal(0.5m, AmountParser.HalfUnit(AmountParser.Parse("87267272")!.Value));
    }

    [Theory]
    [InlineData("金额单位：元", "元")]
    [InlineData("单位:万元", "万元")]
    [InlineData("部门：X 金额单位：亿元", "亿元")]
    public void ReadsDeclaredUnits(string line, string unit) => Assert.Equal(unit, MoneyUnit.Declared(line));

    [Fact]
    public void ConvertsToWan() => Assert.Equal(9628.221344m, MoneyUnit.ToWan(96282213.44m, "元"));

    [Theory]
    [InlineData("2010101 行政运行", "2010101", "行政运行")]
    [InlineData("20101行政运行", "20101", "行政运行")]
    [InlineData("1.一般公共预算", null, "1.一般公共预算")]
    public void SplitsGluedCodes(string text, string? code, string label) => Assert.Equal((code, label), CodeLabel.Split(text));

    [Fact]
    public void JoinsClassItemColumns()
    {
        Assert.Equal("2010601", CodeLabel.Join(["201", "06", "01"]));
        Assert.Equal("20106", CodeLabel.Join(["201", "06", ""]));
        Assert.Null(CodeLabel.Join(["合计", "", ""]));
    }
}
