using Extractor.Pdf.Reading;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Extractor.Pdf.Tests;

public class ReadingOrderTests
{
    [Fact]
    public void LinesReadTopToBottomWhateverTheDrawingOrder()
    {
        // Drawn bottom line first, then the top line in two halves right-to-left: a reader still sees two lines in order.
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var page = builder.AddPage(595, 842);
        page.AddText("second line", 12, new PdfPoint(72, 700), font);
        page.AddText("of the top", 12, new PdfPoint(150, 720), font);
        page.AddText("start", 12, new PdfPoint(72, 720), font);
        var path = Path.Combine(Path.GetTempPath(), $"order-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, builder.Build());
        try
        {
            var lines = new PdfDocumentReader().Read(path).Pages[0].Lines.Select(l => l.Text).ToList();
            Assert.Equal(["start of the top", "second line"], lines);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
