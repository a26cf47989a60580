using System.Globalization;
using Extractor.Core.Layout;
using Extractor.Ocr.PpOcr;
using Extractor.Pdf.Text;

namespace Extractor.Ocr;

/// <summary>
/// OCR of one PDF page with PP-OCR: pdftoppm renders it to greyscale, table borders are found in the image and
/// painted out (as for Tesseract), the page is turned upright when it was scanned sideways or upside down and
/// straightened when skewed, then text lines are detected and recognised (<see cref="PpOcrEngine"/>). Each character
/// becomes a glyph box at the place the recogniser read it, so the line builder cuts words and table cells where the
/// gaps are, as it does for a text layer.
/// </summary>
public sealed class PpOcrPageReader(PpOcrModels? models = null, PpOcrOptions? options = null, int dpi = 300, OcrCache? cache = null,
    ComparisonSignOptions? signs = null) : IPageOcr
{
    /// <summary>What else changes a page's reading for the same image and options: part of the OCR cache's key.</summary>
    private const string Steps = "flat-lines-upright regions-cut-at-rulings-2 undetected-cells-4 lone-signs-by-shape-5 lone-glyphs-framed-3";

    private readonly ComparisonSignShape signShape = new(signs);

    private const double MinSkew = 0.3 * Math.PI / 180; // below this, straightening moves no pixel of a line a whole pixel

    private readonly PpOcrEngine engine = PpOcrEngine.Shared(models ?? PpOcrModels.In(PpOcrModels.DefaultDirectory), options);

    public static bool RendererAvailable => ExternalTool.Exists("pdftoppm");

    public PageContent Recognize(string pdfPath, PageContent page, TimeSpan limit, CancellationToken cancellation, Action? progress = null)
    {
        if (!RendererAvailable) throw new Core.Pipeline.ExtractionException("ocr_unavailable", "pdftoppm must be installed (poppler-utils)");
        var image = Render(pdfPath, page.Number, dpi, limit, cancellation);
        progress?.Invoke();
        return Read(image, page.Number, cancellation, progress);
    }

    /// <summary>Reads a page image already rendered (the tests build theirs); <paramref name="progress"/> as in <see cref="IPageOcr.Recognize"/>.</summary>
    public PageContent Read(PageImage image, int pageNumber, CancellationToken cancellation = default, Action? progress = null)
    {
        var (turn, skew, read) = cache is null ? See(image, cancellation, progress) : Cached(image, cancellation, progress);
        var lines = read.Where(l => !IsUnsureAlone(l)).ToList();
        if (turn != 0) image = ImageSampling.Turn(image, turn);
        if (skew != 0) image = ImageSampling.Rotate(image, skew);
        var width = image.ToPoints(image.Width);
        var height = image.ToPoints(image.Height);
        var rulings = ImageRulingDetector.Detect(image, height);
        var glyphs = lines.SelectMany(l => Glyphs(l, image, height)).ToList();
        var (words, built) = LineBuilder.Build(glyphs);
        var chars = lines.SelectMany(l => l.Chars).ToList();
        var confidence = chars.Count == 0 ? 0 : chars.Average(c => c.Confidence);
        // No OcrProseRepair: none of its mends (Tesseract's glyph confusions) matched a line PP-OCR read on the labelled
        // scans at 200 and 96 dpi or on the real scans (scripts/bench-ocr, README "OCR"), so it could only change text
        // PP-OCR read right.
        return new PageContent(pageNumber, width, height, words, built, rulings)
        {
            LooksScanned = false,
            ReadBy = OcrEngines.Name(OcrEngine.PpOcr),
            // Below 1 marks the page as read from an image, however sure the recogniser was.
            TextConfidence = Math.Min(0.999, Math.Round(confidence, 3)),
        };
    }

    /// <summary>
    /// A line of one character the recogniser gives less than even odds: it finds another reading more likely, and alone
    /// the character has no neighbours to be read with (a table's lone ≥ read as =, a lone digit as another). A missing
    /// sign or figure is better than a wrong one; the same threshold withholds figures (OcrReaders.PpOcrEvenOdds).
    /// </summary>
    private static bool IsUnsureAlone(RecognizedLine line) => line.Chars.Count == 1 && line.Chars[0].Confidence < OcrReaders.PpOcrEvenOdds;


    /// <summary>How the page must be turned and straightened, and its lines as read once it is.</summary>
    private (int Turn, double Skew, List<RecognizedLine> Lines) See(PageImage image, CancellationToken cancellation, Action? progress)
    {
        var (clean, rulings, boxes) = Prepare(image, cancellation, progress);
        var turn = engine.PageTurn(clean, boxes, cancellation);
        progress?.Invoke();
        if (turn != 0) (clean, rulings, boxes) = Prepare(image = ImageSampling.Turn(image, turn), cancellation, progress);
        var skew = PpOcrEngine.Skew(boxes);
        if (Math.Abs(skew) < MinSkew) skew = 0;
        else (clean, rulings, boxes) = Prepare(ImageSampling.Rotate(image, skew), cancellation, progress);
        var lines = Recognize(clean, boxes, cancellation, progress);
        // Cells are looked at for ink where no region gave a reading: a detected box smaller than its glyph (a thin
        // 1 of small type framed 12 pixels high for its 20) is read as nothing, and its cell is as good as undetected.
        var (undetected, faint) = Undetected(clean, rulings, lines.Select(l => l.Box).ToList());
        lines.AddRange(Recognize(clean, undetected, cancellation, progress));
        lines.AddRange(FaintSigns(clean, faint));
        return (turn, skew, lines);
    }

    private List<RecognizedLine> Recognize(PageImage clean, List<RotatedBox> boxes, CancellationToken cancellation, Action? progress) =>
        engine.Recognize(clean, boxes, cancellation, progress, uprightPage: true).Select(l => LoneSign(l, clean, cancellation)).OfType<RecognizedLine>().ToList();

    /// <summary>
    /// Ruled cells holding too little dark ink to be read (<see cref="Undetected"/>) whose light ink is a comparison sign:
    /// a small = of hairlines, light grey at 150–200 dpi, is neither detected nor dark enough to count as ink, yet it
    /// is the cell's whole content. Read from its shape alone; a cell whose faint ink is anything else stays empty.
    /// </summary>
    private IEnumerable<RecognizedLine> FaintSigns(PageImage clean, List<(int Left, int Top, int Right, int Bottom)> cells)
    {
        foreach (var (left, top, right, bottom) in cells)
        {
            if (signShape.InkBounds(clean, left, top, right, bottom) is not { } ink) continue;
            if (signShape.Read(clean, ink.Left, ink.Top, ink.Right + 1, ink.Bottom + 1) is not { } sign) continue;
            var box = new RotatedBox((ink.Left + ink.Right + 1) / 2.0, (ink.Top + ink.Bottom + 1) / 2.0, ink.Right - ink.Left + 1, ink.Bottom - ink.Top + 1, 0);
            yield return new RecognizedLine(box, sign, [new PlacedChar(sign, ink.Left, ink.Top, ink.Right + 1, ink.Bottom + 1, signShape.Options.Confidence)], false, false);
        }
    }

    /// <summary>
    /// Glyphs the recogniser reads a lone comparison sign as even when sure, so looked at by shape whatever the
    /// confidence: 2 for ≥ at 150 dpi (25 cells of a city's forms in an image-only copy; the shape names 20 of them),
    /// 二 and 三 for a full-width ＝ and 八 for a flat ≤ at 200 dpi (forms of four Beijing bureaus from three producers,
    /// and a form set in Noto Serif CJK); 一 for ＝ (its two hairline bars taken for one: four bureaus' forms, made in WPS
    /// 表格 and WPS Office) and 7 for ⩾ (two bureaus' forms) at 200 dpi; 从 and 川 for ⩽ (its chevron's arms and slanted
    /// bar taken for strokes of a character: two bureaus' forms at 200 dpi). A true lone 2 or 7 (the forms' scores) names
    /// no sign, nor 一's one bar, nor 二's bars of unequal length, nor 三's three, nor 八's two strokes apart, nor the
    /// strokes of 从 or 川 (no chevron over a bar); they stand.
    /// </summary>
    private static readonly HashSet<string> SureMisreadings = ["2", "7", "一", "二", "三", "八", "从", "川"];

    /// <summary>
    /// A line of one character the recogniser is unsure of, or reads as a Latin letter or a comparison sign, read again
    /// from its ink's shape (<see cref="ComparisonSignShape.ReadInBox"/>): a performance form's lone ≥ (mostly the slanted
    /// ⩾) comes out of the recogniser as M, W, V, 2, =, > at low confidence, and as = or > (or one of
    /// <see cref="SureMisreadings"/>) even when sure. A line the detector laid sideways is looked at too, since the page
    /// is upright: the left ends of a hairline ＝'s bars, framed narrow and tall, are taken for a line running down the
    /// page (read 1, unsure, on an A3 form at 200 dpi; left out as unsure, its box still hid the cell from
    /// <see cref="Undetected"/>). A sign the shape names replaces the reading. When it names none, an upright lone glyph
    /// read unsure or as a letter is shown to the recogniser again with a margin (<see cref="Reread"/>): a figure read
    /// sure replaces it; an unsure glyph read the second time as another that is a figure or %, not surely, is left out
    /// (a lone % read 第 at 0.66, then % at 0.14; a 金 split from its word, read 全 the second time, stands). Otherwise
    /// the recogniser's reading stands (a lone unsure one is then left out, <see cref="IsUnsureAlone"/>), except = > <:
    /// each is a part of ≥ or ≤, so alone and not confirmed it may be the half of a sign the recogniser saw, and the
    /// line is left out (null).
    /// </summary>
    private RecognizedLine? LoneSign(RecognizedLine line, PageImage clean, CancellationToken cancellation)
    {
        if (line.Chars.Count != 1) return line;
        var c = line.Chars[0];
        var turned = line.Sideways || line.UpsideDown;
        var letter = c.Value is [>= 'A' and <= 'Z' or >= 'a' and <= 'z'];
        var mayBeSign = c.Confidence < OcrReaders.PpOcrEvenOdds || letter || ComparisonSignShape.IsSign(c.Value) || SureMisreadings.Contains(c.Value);
        if (mayBeSign)
        {
            var (left, top, right, bottom) = line.Box.Bounds;
            if (signShape.ReadInBox(clean, left, top, right, bottom) is { } sign)
                return line with
                {
                    Text = sign, Sideways = false, UpsideDown = false,
                    // A glyph placed along a line laid sideways becomes one over the box.
                    Chars = [turned ? new PlacedChar(sign, left, top, right, bottom, signShape.Options.Confidence) : c with { Value = sign, Confidence = signShape.Options.Confidence }],
                };
        }
        if (turned) return line;
        if (c.Confidence < engine.Options.LoneGlyphRereadBelow || letter)
        {
            var (figure, unsureFigure) = Reread(line, clean, cancellation);
            if (figure is not null) return figure;
            // Unsure, and taken for another glyph that is a figure (or %) when framed with room, though not surely: it
            // may be a figure misread, as the first reading may be, and a wrong figure is worse than none.
            if (unsureFigure && c.Confidence < engine.Options.LoneGlyphRereadBelow) return null;
        }
        return mayBeSign && c.Value is "=" or ">" or "<" ? null : line;
    }

    /// <summary>
    /// A lone glyph read again framed with a margin (<see cref="PpOcrOptions.LoneGlyphMargin"/>), as the recogniser
    /// sees glyphs within a line: the reading (Figure) when it is a figure read sure
    /// (<see cref="PpOcrOptions.LoneFigureMinConfidence"/>), else null; and whether it read another glyph that is a
    /// figure or %, not surely (UnsureFigure).
    /// </summary>
    private (RecognizedLine? Figure, bool UnsureFigure) Reread(RecognizedLine line, PageImage clean, CancellationToken cancellation)
    {
        var box = line.Box;
        var margin = 2 * engine.Options.LoneGlyphMargin * Math.Max(box.Width, box.Height);
        var again = engine.Recognize(clean, [box with { Width = box.Width + margin, Height = box.Height + margin }], cancellation, uprightPage: true);
        var first = line.Chars[0];
        if (again is not [{ Chars: [var c] } read] || c.Value is not [(>= '0' and <= '9') or '%']) return (null, false);
        if (c.Confidence < engine.Options.LoneFigureMinConfidence) return (null, c.Value != first.Value);
        // Placed where the first reading placed its glyph: the margin is the recogniser's room, not the glyph's.
        return (line with { Text = read.Text, Chars = [first with { Value = c.Value, Confidence = c.Confidence }] }, false);
    }

    /// <summary>
    /// Ruled cells with ink where no region was read (<paramref name="read"/>: the boxes that gave a reading): the tight
    /// box around their ink, read as one line. DB misses a lone glyph (a score of 4, a % or a ≥ alone in its cell, a 1
    /// against a border), which in an indicator grid is a whole cell's value. Only ink one line high: a cell of several
    /// lines the detector missed is not guessed at. Also the cells (pixels inside their rulings) with too little dark
    /// ink to read, however many (reading them by shape costs no network run): a faint lone sign may be there. The
    /// thresholds are <see cref="PpOcrOptions"/>' Undetected… settings.
    /// </summary>
    private (List<RotatedBox> Boxes, List<(int Left, int Top, int Right, int Bottom)> Faint) Undetected(PageImage clean, IReadOnlyList<Ruling> rulings, IReadOnlyList<RotatedBox> read)
    {
        var options = engine.Options;
        var height = clean.ToPoints(clean.Height);
        var pad = Math.Max(3, (int)(clean.Dpi * options.UndetectedCellPadding));
        var minInk = Math.Max(8, (int)(clean.Dpi * clean.Dpi * options.UndetectedMinInk));
        var minStroke = (int)Math.Ceiling(clean.Dpi * options.UndetectedMinStrokeHeight);
        var maxLine = (int)(clean.Dpi * options.UndetectedMaxInkHeight);
        var found = new List<RotatedBox>();
        var faint = new List<(int, int, int, int)>();
        foreach (var cell in RulingCells.Find(rulings))
        {
            int left = clean.ToPixels(cell.Left) + pad, top = clean.ToPixels(height - cell.Top) + pad;
            int right = clean.ToPixels(cell.Right) - pad, bottom = clean.ToPixels(height - cell.Bottom) - pad;
            if (right <= left || bottom <= top) continue;
            if (read.Any(b => b.CentreX >= left - pad && b.CentreX <= right + pad && b.CentreY >= top - pad && b.CentreY <= bottom + pad)) continue;
            if (clean.InkBounds(left, top, right, bottom) is not { Count: var count } ink
                || count < minInk && (count < minInk / 2 || ink.Bounds.Bottom - ink.Bounds.Top + 1 < minStroke))
            {
                faint.Add((left, top, right, bottom));
                continue;
            }
            var (x0, y0, x1, y1) = ink.Bounds;
            if (y1 - y0 + 1 > maxLine) continue;
            if (found.Count == options.MaxUndetectedCells) continue;
            // The recogniser reads glyphs of a line's height: a flat glyph (一, a dash) is framed as tall as it is wide,
            // up to a glyph's height at body size, not as a sliver of its own height. A narrow one (a 1) is framed at
            // least as wide as it is tall: a frame much taller than wide is taken for a line running down the page and
            // laid flat, and a 1 laid flat reads 一.
            int inkWidth = x1 - x0 + 1, inkHeight = y1 - y0 + 1;
            var glyph = Math.Max(inkHeight, Math.Min(inkWidth, clean.Dpi / 7));
            var margin = Math.Max(pad, glyph / 4.0);
            found.Add(new RotatedBox((x0 + x1 + 1) / 2.0, (y0 + y1 + 1) / 2.0, Math.Max(inkWidth, glyph) + 2 * margin, glyph + 2 * margin, 0));
        }
        return (found, faint);
    }

    /// <summary>
    /// <see cref="See"/> through the opt-in cache (EXTRACTOR_OCR_CACHE), keyed by the page image, the options, the
    /// ruling detector's and eraser's versions (the lines are read on the image with its rulings painted out) and the
    /// reading's steps.
    /// </summary>
    private (int Turn, double Skew, List<RecognizedLine> Lines) Cached(PageImage image, CancellationToken cancellation, Action? progress)
    {
        var text = cache!.GetOrAdd(image.Pixels, $"ppocr PP-OCRv4 {image.Width}x{image.Height} {engine.Options} {ImageRulingDetector.Version} {RulingEraser.Version} {Steps} {signShape.Options}",
            () => PpOcrLinesText.Write(See(image, cancellation, progress)));
        return PpOcrLinesText.Read(text);
    }

    /// <summary>The image without its rulings, and its text regions, never joined across a ruling (one detection: a step of progress).</summary>
    private (PageImage Clean, IReadOnlyList<Ruling> Rulings, List<RotatedBox> Boxes) Prepare(PageImage image, CancellationToken cancellation, Action? progress)
    {
        var height = image.ToPoints(image.Height);
        var rulings = ImageRulingDetector.Detect(image, height);
        var clean = image.WithoutRulings(rulings, height);
        var borders = rulings.Select(r => new PpOcrEngine.Border(image.ToPixels(r.X1), image.ToPixels(height - r.Y1), image.ToPixels(r.X2), image.ToPixels(height - r.Y2))).ToList();
        var boxes = engine.Detect(clean, cancellation, borders);
        progress?.Invoke();
        return (clean, rulings, boxes);
    }

    /// <summary>One glyph box a character, over the stretch of its line the recogniser placed it in, with its CTC probability.</summary>
    private static IEnumerable<GlyphBox> Glyphs(RecognizedLine line, PageImage image, double pageHeight)
    {
        var size = image.ToPoints(Math.Max(1, line.Sideways ? line.Box.Width : line.Box.Height));
        foreach (var c in line.Chars)
            yield return new GlyphBox(c.Value, new Box(image.ToPoints(c.Left), pageHeight - image.ToPoints(c.Bottom),
                image.ToPoints(c.Right), pageHeight - image.ToPoints(c.Top)), size, OcrReaders.FontName, false) { Confidence = c.Confidence };
    }

    /// <summary>pdftoppm's greyscale rendering of one page.</summary>
    public static PageImage Render(string pdfPath, int pageNumber, int dpi, TimeSpan limit, CancellationToken cancellation)
    {
        var dir = Directory.CreateTempSubdirectory("extractor-ocr-");
        try
        {
            var stem = Path.Combine(dir.FullName, "page");
            var n = pageNumber.ToString(CultureInfo.InvariantCulture);
            ExternalTool.Run("pdftoppm", ["-gray", "-r", dpi.ToString(CultureInfo.InvariantCulture), "-f", n, "-l", n, "-singlefile", pdfPath, stem], limit, cancellation);
            return PageImage.ReadPgm(stem + ".pgm", dpi);
        }
        finally
        {
            try { dir.Delete(recursive: true); } catch (IOException) { }
        }
    }
}
