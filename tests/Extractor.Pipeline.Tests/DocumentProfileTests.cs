using Extractor.Pdf.Reading;
using Extractor.Recognition.Profile;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

public class DocumentProfileTests
{
    public static TheoryData<string> LabelledDocuments() => new(Labels.Ids());

    [Theory]
    [MemberData(nameof(LabelledDocuments))]
    public void ProfileMatchesLabels(string id)
    {
        var expected = Labels.Load(id).GetProperty("document");
        var content = new PdfDocumentReader().Read(Labels.Pdf(id));
        var profile = DocumentProfiler.Profile(content, []);
        Assert.Equal(expected.GetProperty("kind").GetString(), profile.Kind);
        Assert.Equal(expected.GetProperty("scope").GetString(), profile.Scope);
        Assert.Equal(expected.GetProperty("agency").GetString(), profile.Agency);
        Assert.Equal(expected.GetProperty("fiscal_year").GetInt32(), profile.FiscalYear);
        Assert.Equal(expected.GetProperty("unit").GetString(), profile.Unit);
        Assert.Equal(expected.GetProperty("pages").GetInt32(), profile.Pages);
        Assert.True(profile.Evidence.ContainsKey("agency") && profile.Evidence.ContainsKey("fiscal_year"));
    }
}

public class TextAndWebProfileTests
{
    [Theory]
    [InlineData("seeds/000_b6464b9a7bea3343.txt", "final_account", "怀化市医疗保障局", 2022)]
    [InlineData("seeds/001_cfc26b93a4164a2f.txt", "final_account", "四川省万源市医疗保障局", 2022)]
    [InlineData("seeds/003_5cba4ecd56cdf973.txt", "final_account", "永州市冷水滩区医疗保障局", 2021)]
    [InlineData("seeds/004_c02e9390b728df0a.txt", "performance_evaluation", "怀化市医疗保障事务中心", 2022)]
    [InlineData("web/ha-zhengzhou-gtj-2015-budget.html", "budget", "郑州市国土资源局", 2015)]
    public void ProfileIsReadFromPrintedText(string file, string kind, string agency, int year)
    {
        var content = PipelineStages.Default().Read(Corpus.Path(file.Split('/')), new Core.Pipeline.ReadLimits());
        var profile = DocumentProfiler.Profile(content, content.NativeTables);
        Assert.Equal(kind, profile.Kind);
        Assert.Equal(agency, profile.Agency);
        Assert.Equal(year, profile.FiscalYear);
        Assert.Equal("万元", profile.Unit);
        Assert.All(profile.Evidence.Values, e => Assert.True(e.Text.Length <= 80, $"evidence is a line, not a page: {e.Text}"));
    }
}
