using Extractor.Ocr;

namespace Extractor.Pipeline.Tests;

/// <summary>Tesseract's word confidence (its TSV's conf column, 0–100) reaches the glyphs the line builder makes words of.</summary>
public class OcrConfidenceTests
{
    [Fact]
    public void A_tesseract_word_keeps_its_conf_column_as_a_probability()
    {
        var tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
            + "5\t1\t1\t1\t1\t1\t100\t50\t80\t20\t87.5\t307.82\n"
            + "5\t1\t1\t1\t1\t2\t200\t50\t40\t20\t41\t万元\n";
        var (glyphs, confidence) = TesseractPageOcr.ParseTsv(tsv, new PageImage(600, 800, new byte[600 * 800], 72));
        Assert.Equal(2, glyphs.Count);
        Assert.Equal(0.875, glyphs[0].Confidence, 6);
        Assert.Equal(0.41, glyphs[1].Confidence, 6);
        // The page's confidence stays the mean of its words, as before.
        Assert.Equal(0.64, confidence, 2);
    }
}
