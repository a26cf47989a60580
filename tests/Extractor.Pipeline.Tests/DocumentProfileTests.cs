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
