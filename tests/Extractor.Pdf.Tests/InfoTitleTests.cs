using System.Text;
using Extractor.Pdf.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Extractor.Pdf.Tests;

public class InfoTitleTests
{
    static InfoTitleTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private static IReadOnlyDictionary<string, string> InfoOf(string title)
    {
        var builder = new PdfDocumentBuilder();
        builder.DocumentInformation.Title = title;
        var page = builder.AddPage(595, 842);
        page.AddText("Table 1", 12, new PdfPoint(72, 720), builder.AddStandard14Font(Standard14Font.Helvetica));
        var path = Path.Combine(Path.GetTempPath(), $"info-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, builder.Build());
        try { return new PdfDocumentReader().Read(path).Info; }
        finally { File.Delete(path); }
    }

    [Fact]
    public void GbkTitleWrittenAsHexDigitsInALiteralStringIsDecoded()
    {
        // What Distiller fed by PScript5 writes for a Chinese Excel file's name: (<BDADCBD5…>).
        var gbk = Encoding.GetEncoding("GB18030").GetBytes("江苏省某某厅2019年部门预算公开表.xls");
        Assert.Equal("江苏省某某厅2019年部门预算公开表.xls", InfoOf("<" + Convert.ToHexString(gbk) + ">")["title"]);
    }

    [Fact]
    public void AnAsciiTitleIsKeptAsWritten() => Assert.Equal("Budget tables", InfoOf("Budget tables")["title"]);
}
