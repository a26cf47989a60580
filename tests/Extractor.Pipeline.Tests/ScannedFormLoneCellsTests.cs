using Extractor.Core.Layout;
using Extractor.Ocr;
using Extractor.TestSupport;

namespace Extractor.Pipeline.Tests;

/// <summary>
/// Cells of one glyph of real performance forms read from their page images (image-only copies at 200 dpi, read by the
/// page reader at 300), each cell's printed glyph given here with its row's band (points from the page's foot). The
/// comparison column: every cell must come out as the sign its text layer prints. A district bureau's form, rows
/// little taller than their slanted ⩾ ⩽ (read 从 or 八 by the recogniser, framed loose by the detector, drawn as
/// staircases); an A3 form of another bureau, hairline signs whose ＝ the detector frames narrow and lays sideways.
/// </summary>
[Trait("Category", "Slow")]
public class ScannedFormLoneCellsTests
{
    [Theory]
    [InlineData("scan-form-tight-rows-slanted-signs-200dpi.pdf", 407.4, 448.56, "≥≥≤=≤=≥≥=≥≥≤≥≤≥=≥=≥≥≥=≤=≥==≥=≥≤≤≤≥≥≥≤≤≥≤≤≥≥", new[] { 752, 765.32, 712.04, 725.36, 704, 712.04, 690.68, 704, 682.64, 690.68, 649.4, 682.64, 636.08, 649.4, 594.8, 602.84, 574.88, 594.8, 561.56, 574.88, 548.24, 561.56, 528.32, 548.24, 515, 528.32, 501.68, 515, 488.36, 501.68, 475.04, 488.36, 467, 475.04, 453.68, 467, 445.64, 453.68, 437.6, 445.64, 429.56, 437.6, 416.24, 429.56, 408.2, 416.24, 394.88, 408.2, 321.56, 334.88, 308.24, 321.56, 294.92, 308.24, 283.76, 294.92, 272.6, 283.76, 259.28, 272.6, 248.12, 259.28, 236.96, 248.12, 205.28, 223.64, 186.92, 205.28, 168.56, 186.92, 150.2, 168.56, 131.84, 150.2, 123.8, 131.84, 115.76, 123.8, 107.72, 115.76, 94.4, 107.72, 81.08, 94.4, 67.76, 81.08 })]
    [InlineData("scan-a3-form-hairline-signs-200dpi.pdf", 876.22, 937.66, "≥≥=≤=≤≤≥≥====≤≤≥≥≥≥≥=≥≥≥≥≥==≤≤≥", new[] { 676.65, 690.67, 662.25, 676.65, 647.85, 662.25, 633.45, 647.85, 619.05, 633.45, 604.65, 619.05, 590.25, 604.65, 575.85, 590.25, 548.73, 575.85, 534.33, 548.73, 519.93, 534.33, 505.53, 519.93, 491.13, 505.53, 464.01, 491.13, 449.61, 464.01, 435.21, 449.61, 420.81, 435.21, 406.41, 420.81, 392.01, 406.41, 377.61, 392.01, 363.21, 377.61, 348.81, 363.21, 321.69, 348.81, 294.57, 321.69, 280.17, 294.57, 265.77, 280.17, 224.97, 265.77, 184.17, 224.97, 169.77, 184.17, 155.37, 169.77, 140.97, 155.37 })]
    public void Every_comparison_cell_reads_as_printed(string file, double left, double right, string signs, double[] bands)
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var image = PpOcrPageReader.Render(Corpus.Path("extra", file), 1, 300, TimeSpan.FromMinutes(2), CancellationToken.None);
        var page = new PpOcrPageReader().Read(image, 1);
        var wrong = new List<string>();
        for (var i = 0; i < signs.Length; i++)
        {
            double bottom = bands[2 * i], top = bands[2 * i + 1];
            var read = string.Concat(page.Words.Where(w => Inside(w.Box, left, bottom, right, top)).OrderBy(w => w.Box.Left).Select(w => w.Text));
            if (read != signs[i].ToString()) wrong.Add($"row at {bottom:g}–{top:g} pt: '{read}' for {signs[i]}");
        }
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {signs.Length} comparison cells: " + string.Join("; ", wrong));
    }

    /// <summary>
    /// The unit column of a department-wide form (a municipal bureau's 预算13表, silver-ruled, image-only at 200 dpi): a
    /// lone % against the cell's left border was read 第 at 0.66, and framed with room % at 0.14: a glyph one reading
    /// takes for a figure or %, neither surely, is none. Every unit cell reads as printed or not at all, and most read.
    /// </summary>
    [Fact]
    public void Every_unit_cell_reads_as_printed_or_not_at_all()
    {
        Assert.True(PpOcrPageReader.RendererAvailable, "pdftoppm must be installed (poppler-utils, see .ci/run)");
        var image = PpOcrPageReader.Render(Corpus.Path("extra", "scan-dept-form-lone-units-200dpi.pdf"), 1, 300, TimeSpan.FromMinutes(2), CancellationToken.None);
        var page = new PpOcrPageReader().Read(image, 1);
        (string Unit, double Bottom, double Top)[] cells =
        [
            ("%", 607.06, 616.34), ("%", 592.54, 607.06), ("个", 583.06, 592.54), ("%", 568.54, 583.06), ("%", 559.06, 568.54),
            ("%", 544.54, 559.06), ("%", 535.06, 544.54), ("%", 525.58, 535.06), ("%", 516.1, 525.58), ("月", 506.62, 516.1),
            ("%", 361.54, 376.18),
        ];
        var read = cells.Select(c => (c.Unit, Read: string.Concat(page.Words.Where(w => Inside(w.Box, 484.98, c.Bottom, 536.52, c.Top)).Select(w => w.Text)))).ToList();
        var wrong = read.Where(r => r.Read.Length > 0 && r.Read != r.Unit).ToList();
        Assert.True(wrong.Count == 0, "units read wrong: " + string.Join("; ", wrong.Select(r => $"'{r.Read}' for {r.Unit}")));
        Assert.True(read.Count(r => r.Read == r.Unit) >= 9, $"{read.Count(r => r.Read == r.Unit)} of {cells.Length} units read");
    }

    private static bool Inside(Box box, double left, double bottom, double right, double top)
    {
        double x = (box.Left + box.Right) / 2, y = (box.Bottom + box.Top) / 2;
        return x > left && x < right && y > bottom && y < top;
    }
}
