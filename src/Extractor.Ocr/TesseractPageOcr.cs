using System.Globalization;
using Extractor.Core.Layout;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// OCR of one PDF page: poppler's pdftoppm renders it to greyscale, Tesseract (chi_sim+eng) reads it
/// as TSV so that every word keeps its position; words then go through the same line builder as PDF
/// glyphs, and rulings come from the image, so tables and mapping see an ordinary page.
/// </summary>
public sealed class TesseractPageOcr(int dpi = 300, string languages = "chi_sim+eng")
{
    public static bool Available => ExternalTool.Exists("pdftoppm") && ExternalTool.Exists("tesseract");

    public PageContent Recognize(string pdfPath, PageContent page, TimeSpan limit, CancellationToken cancellation)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-ocr-");
        try
        {
            var stem = Path.Combine(dir.FullName, "page");
            ExternalTool.Run("pdftoppm", ["-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture),
                "-f", page.Number.ToString(CultureInfo.InvariantCulture), "-l", page.Number.ToString(CultureInfo.InvariantCulture),
                "-singlefile", pdfPath, stem], limit, cancellation);
            var pgm = stem + ".pgm";
            var image = PageImage.ReadPgm(pgm, dpi);
            var width = image.ToPoints(image.Width);
            var height = image.ToPoints(image.Height);
            var rulings = ImageRulingDetector.Detect(image, height);
            var clean = Path.Combine(dir.FullName, "clean.pgm");
            image.WithoutRulings(rulings, height).WritePgm(clean);
            var tsv = ExternalTool.Run("tesseract", [clean, "stdout", "-l", languages, "--psm", "6", "tsv"], limit, cancellation);
            var (glyphs, confidence) = ParseTsv(tsv, image);
            var (words, lines) = LineBuilder.Build(glyphs);
            return new PageContent(page.Number, width, height, words, lines, rulings)
            {
                // The OCR layer is now the page's text; TextConfidence < 1 is what marks it as read from an image.
                LooksScanned = false,
                TextConfidence = confidence,
            };
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Level-5 rows of Tesseract's TSV are words: left, top, width, height in pixels, conf 0–100.</summary>
    public static (List<GlyphBox> Glyphs, double Confidence) ParseTsv(string tsv, PageImage image)
    {
        var glyphs = new List<GlyphBox>();
        double confSum = 0;
        var count = 0;
        var pageHeight = image.ToPoints(image.Height);
        foreach (var row in tsv.Split('\n').Skip(1))
        {
            var f = row.TrimEnd('\r').Split('\t');
            if (f.Length < 12 || f[0] != "5" || string.IsNullOrWhiteSpace(f[11])) continue;
            if (!int.TryParse(f[6], out var left) || !int.TryParse(f[7], out var top)
                || !int.TryParse(f[8], out var w) || !int.TryParse(f[9], out var h)) continue;
            var conf = double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : 0;
            var box = new Box(image.ToPoints(left), pageHeight - image.ToPoints(top + h),
                image.ToPoints(left + w), pageHeight - image.ToPoints(top));
            glyphs.Add(new GlyphBox(f[11], box, Math.Max(box.Height, 1), "ocr", false));
            confSum += conf;
            count++;
        }
        return (glyphs, count == 0 ? 0 : Math.Round(confSum / count / 100.0, 3));
    }
}
