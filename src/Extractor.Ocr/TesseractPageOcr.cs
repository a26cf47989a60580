using System.Globalization;
using Extractor.Core.Layout;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// OCR of one PDF page: poppler's pdftoppm renders it to greyscale, Tesseract (chi_sim+eng) reads it
/// as TSV so that every word keeps its position; words then go through the same line builder as PDF
/// glyphs, and rulings come from the image, so tables and mapping see an ordinary page. Table cells the
/// page reading left empty or read as Latin are read again one by one (<see cref="CellRereader"/>), and so are
/// prose lines with a stretch read as Latin (<see cref="ProseLineRereader"/>).
/// </summary>
public sealed class TesseractPageOcr(int dpi = 300, string languages = "chi_sim+eng", OcrCache? cache = null) : IPageOcr
{
    private const string RereadLanguage = "chi_sim";

    public static bool Available => AvailableOn(null);

    /// <summary>Both tools found in <paramref name="searchPath"/> (folders separated by ':'; null: PATH).</summary>
    public static bool AvailableOn(string? searchPath) => ExternalTool.Exists("pdftoppm", searchPath) && ExternalTool.Exists("tesseract", searchPath);

    public PageContent Recognize(string pdfPath, PageContent page, TimeSpan limit, CancellationToken cancellation, Action? progress = null)
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
            var cleanImage = image.WithoutRulings(rulings, height);
            cleanImage.WritePgm(clean);
            var tsv = Tesseract(clean, ["-l", languages, "--psm", "6", "tsv"], limit, cancellation);
            var (glyphs, confidence) = ParseTsv(tsv, image);
            var cells = RulingCells.Find(rulings);
            var crop = Path.Combine(dir.FullName, "crop.pgm");
            // A cell or a prose line is Chinese (and digits): no English model to read strokes as Latin.
            Func<PageImage, string> ReadChinese(string layout) => part =>
            {
                part.WritePgm(crop);
                return Tesseract(crop, ["-l", RereadLanguage, "--psm", layout, "--dpi", dpi.ToString(CultureInfo.InvariantCulture), "tsv"], limit, cancellation);
            };
            if (cells.Count > 0) glyphs = new CellRereader(ReadChinese("6")).Apply(cleanImage, cells, glyphs);
            glyphs = new ProseLineRereader(ReadChinese("7")).Apply(cleanImage, cells, glyphs); // 7: one line of text
            var (words, built) = LineBuilder.Build(glyphs);
            // Tesseract's Chinese words are a character or two: misreadings are mended on the line, where the context is.
            var lines = built.Select(l => l with { Text = OcrProseRepair.Repair(l.Text) }).ToList();
            return new PageContent(page.Number, width, height, words, lines, rulings)
            {
                // The OCR layer is now the page's text; TextConfidence < 1 is what marks it as read from an image.
                LooksScanned = false,
                ReadBy = OcrEngines.Name(OcrEngine.Tesseract),
                TextConfidence = confidence,
            };
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>Tesseract on one image, through the opt-in TSV cache (EXTRACTOR_OCR_CACHE) when it is set.</summary>
    private string Tesseract(string image, string[] args, TimeSpan limit, CancellationToken cancellation)
    {
        string Run() => ExternalTool.Run("tesseract", [image, "stdout", .. args], limit, cancellation);
        return cache is null ? Run() : cache.GetOrAdd(image, args, Run);
    }

    /// <summary>
    /// Level-5 rows of Tesseract's TSV are words: left, top, width, height in pixels, conf 0–100. A TSV of a
    /// crop is placed on the page by the crop's top-left pixel (offsetX, offsetY).
    /// </summary>
    public static (List<GlyphBox> Glyphs, double Confidence) ParseTsv(string tsv, PageImage image, int offsetX = 0, int offsetY = 0)
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
            left += offsetX;
            top += offsetY;
            var conf = double.TryParse(f[10], NumberStyles.Float, CultureInfo.InvariantCulture, out var c) ? c : 0;
            var box = new Box(image.ToPoints(left), pageHeight - image.ToPoints(top + h),
                image.ToPoints(left + w), pageHeight - image.ToPoints(top));
            glyphs.Add(new GlyphBox(f[11], box, Math.Max(box.Height, 1), OcrReaders.FontName, false) { Confidence = Math.Clamp(conf / 100.0, 0, 1) });
            confSum += conf;
            count++;
        }
        return (glyphs, count == 0 ? 0 : Math.Round(confSum / count / 100.0, 3));
    }
}
