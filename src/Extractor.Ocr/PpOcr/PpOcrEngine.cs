using System.Collections.Concurrent;
using Microsoft.ML.OnnxRuntime;

namespace Extractor.Ocr.PpOcr;

/// <summary>A character on the page: the stretch of its line it takes (image pixels) and the recogniser's probability.</summary>
public readonly record struct PlacedChar(string Value, double Left, double Top, double Right, double Bottom, double Confidence);

/// <summary>A recognised text line: its region on the page (image pixels), its characters in reading order.</summary>
public sealed record RecognizedLine(RotatedBox Box, string Text, IReadOnlyList<PlacedChar> Chars, bool Sideways, bool UpsideDown)
{
    public double Confidence => Chars.Count == 0 ? 0 : Chars.Average(c => c.Confidence);
}

/// <summary>
/// PP-OCR on a greyscale image: DB text detection at a scale set by the page's type size, each region cut out
/// (straightened when tilted, laid flat when it runs down the page), the angle classifier's half turn for a line
/// upside down, then CTC recognition of the lines in batches of similar width. The networks are loaded once per
/// process and shared: ONNX Runtime sessions may run concurrently. A cancelled token stops a network mid-run (ONNX
/// Runtime's terminate flag), as an <see cref="OperationCanceledException"/>; the progress callbacks are told after
/// each step (a detection, a classification, a batch of lines), so a slow page can show it is moving.
/// </summary>
public sealed class PpOcrEngine
{
    private static readonly ConcurrentDictionary<(string, int), Lazy<PpOcrEngine>> Loaded = new();

    private const int RecognitionHeight = 48;           // the PP-OCRv4 recogniser's input height
    private const int ClassifierWidth = 192, ClassifierHeight = 48;
    private const double SidewaysRatio = 1.5;           // PaddleOCR lays a crop flat when it is this much taller than wide
    private static readonly float[] DetMean = [0.485f, 0.456f, 0.406f], DetStd = [0.229f, 0.224f, 0.225f];

    private readonly InferenceSession detection, recognition, classifier;
    private readonly CtcDecoder decoder;

    public PpOcrOptions Options { get; }

    private PpOcrEngine(PpOcrModels models, PpOcrOptions options)
    {
        Options = options;
        // All three networks keep ONNX Runtime's CPU arena: without it every run maps, zeroes and unmaps its intermediate
        // tensors afresh (recognition and the angle classifier run hundreds of times a page), which took a third of a
        // table page's CPU in the kernel; with it for detection too, four table pages took 12.5 CPU-s instead of 16.8
        // (and peaked at 0.72 GB instead of 0.92).
        using var sessionOptions = Session(options);
        detection = new InferenceSession(models.Detection, sessionOptions);
        recognition = new InferenceSession(models.Recognition, sessionOptions);
        classifier = new InferenceSession(models.AngleClassifier, sessionOptions);
        decoder = CtcDecoder.FromFile(models.Dictionary);
    }

    private static SessionOptions Session(PpOcrOptions options)
    {
        var session = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpThreads,
            InterOpNumThreads = 1,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            EnableCpuMemArena = true,
            // Every input has its own shape: a memory pattern is planned per shape and would rarely be reused.
            EnableMemoryPattern = false,
        };
        // Spinning threads waste a shared machine's cores between calls.
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");
        return session;
    }

    /// <summary>The process's engine for these models (loaded on first use; a missing file is named in the error).</summary>
    public static PpOcrEngine Shared(PpOcrModels models, PpOcrOptions? options = null)
    {
        options ??= new PpOcrOptions();
        models.Verified();
        var lazy = Loaded.GetOrAdd((models.Detection, options.GetHashCode()), _ => new Lazy<PpOcrEngine>(() => new PpOcrEngine(models, options)));
        return lazy.Value;
    }

    /// <summary>The text lines of an image, top to bottom.</summary>
    public List<RecognizedLine> Read(PageImage image, CancellationToken cancellation = default, Action? progress = null)
    {
        var boxes = Detect(image, cancellation);
        progress?.Invoke();
        return Recognize(image, boxes, cancellation, progress);
    }

    /// <summary>A table border on the image (pixels, from one end to the other): no text region is joined across it.</summary>
    public readonly record struct Border(double X1, double Y1, double X2, double Y2);

    /// <summary>
    /// Text regions in image pixels, top to bottom then left to right. <paramref name="borders"/>: the table's rulings,
    /// painted out of the image; the probability map is cut along them, because text of two neighbouring cells (a
    /// figure printed against the border of the line beside it) otherwise makes one region whose rectangle, mostly
    /// empty, scores below the box threshold and loses both.
    /// </summary>
    public List<RotatedBox> Detect(PageImage image, CancellationToken cancellation = default, IReadOnlyList<Border>? borders = null)
    {
        cancellation.ThrowIfCancellationRequested();
        var scale = DetectionScale(image);
        int w = Math.Max(1, (int)Math.Round(image.Width * scale)), h = Math.Max(1, (int)Math.Round(image.Height * scale));
        // Padded (white) to multiples of 32, the network's stride, rather than stretched: one scale for both axes.
        int pw = (w + 31) / 32 * 32, ph = (h + 31) / 32 * 32;
        var resized = ImageSampling.Resize(image.Pixels, image.Width, image.Height, w, h);
        var input = new float[3 * pw * ph];
        for (var c = 0; c < 3; c++)
        {
            var plane = input.AsSpan(c * pw * ph, pw * ph);
            plane.Fill((1f - DetMean[c]) / DetStd[c]);
            for (var y = 0; y < h; y++)
                for (var x = 0; x < w; x++)
                    plane[y * pw + x] = (resized[y * w + x] / 255f - DetMean[c]) / DetStd[c];
        }
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [1, 3, ph, pw]);
        using var outputs = Run(detection, tensor, cancellation);
        var map = outputs[0].GetTensorDataAsSpan<float>().ToArray();
        foreach (var border in borders ?? []) Cut(map, pw, ph, border, scale);
        return DbPostProcess.Boxes(map, pw, ph, Options)
            .Select(b => b.Scale(1 / scale))
            .Select(b => borders is null ? b : Within(b, borders, Math.Max(1, image.Dpi * Options.RegionBorderInset), image, Options))
            .OrderBy(b => b.Bounds.Top).ThenBy(b => b.Bounds.Left)
            .ToList();
    }

    /// <summary>
    /// A region grown back past a column border (the margin DB adds reaches into the next cell) ends at the border, on
    /// the side its centre is: read on, it would take the neighbour's first or last character for its own. It ends
    /// <paramref name="inset"/> short of the border's centre, inside the painted-out line, so that a glyph printed
    /// against the border keeps its first stroke; and from there it comes in to its own ink, less a margin of
    /// <see cref="PpOcrOptions.RegionInkMargin"/> of its height, as DB frames a line: the region grown into the neighbour's cell
    /// leaves a long blank lead before a right-aligned figure, and the recogniser read a mark into it (¥400.00).
    /// </summary>
    private static RotatedBox Within(RotatedBox box, IReadOnlyList<Border> borders, double inset, PageImage image, PpOcrOptions options)
    {
        if (Math.Abs(box.Angle) > 0.1) return box;
        var (left, top, right, bottom) = box.Bounds;
        bool cutLeft = false, cutRight = false;
        foreach (var b in borders)
        {
            if (Math.Abs(b.X1 - b.X2) > 1 || Math.Min(b.Y1, b.Y2) > box.CentreY || Math.Max(b.Y1, b.Y2) < box.CentreY) continue;
            var x = (b.X1 + b.X2) / 2;
            if (x <= left || x >= right) continue;
            if (x < box.CentreX) { left = Math.Max(left, x + inset); cutLeft = true; }
            else { right = Math.Min(right, x - inset); cutRight = true; }
        }
        if ((cutLeft || cutRight)
            && image.InkBounds((int)Math.Ceiling(left), (int)top, (int)Math.Floor(right) + 1, (int)bottom + 1, options.RegionInkShade) is { Bounds: var ink })
        {
            var margin = options.RegionInkMargin * (bottom - top);
            if (cutLeft) left = Math.Max(left, ink.Left - margin);
            if (cutRight) right = Math.Min(right, ink.Right + 1 + margin);
        }
        var width = right - left - (box.Bounds.Right - box.Bounds.Left - box.Width);
        return width <= 0 || width >= box.Width ? box : box with { CentreX = (left + right) / 2, Width = width };
    }

    /// <summary>Clears the map's pixels along a border (one pixel wide, enough to part 8-connected regions).</summary>
    private static void Cut(float[] map, int width, int height, Border border, double scale)
    {
        double x1 = border.X1 * scale, y1 = border.Y1 * scale, x2 = border.X2 * scale, y2 = border.Y2 * scale;
        var steps = (int)Math.Ceiling(Math.Max(Math.Abs(x2 - x1), Math.Abs(y2 - y1)));
        for (var k = 0; k <= steps; k++)
        {
            var t = steps == 0 ? 0 : (double)k / steps;
            int x = (int)Math.Round(x1 + t * (x2 - x1)), y = (int)Math.Round(y1 + t * (y2 - y1));
            if (x >= 0 && y >= 0 && x < width && y < height) map[y * width + x] = 0;
        }
    }

    /// <summary>Scale of the detection input: body text about <see cref="PpOcrOptions.DetectionLineHeight"/> pixels high.</summary>
    public double DetectionScale(PageImage image)
    {
        var lineHeight = TypeSize.LineHeight(image) ?? Options.DetectionLineHeight / 0.5;
        var scale = Math.Clamp(Options.DetectionLineHeight / lineHeight, Options.MinDetectionScale, Options.MaxDetectionScale);
        return Math.Min(scale, (double)Options.MaxDetectionSide / Math.Max(image.Width, image.Height));
    }

    /// <summary>
    /// How the page must be turned to be read, in quarter turns counter-clockwise (0 when upright): most of its
    /// lines run down the page when it was scanned sideways, and the angle classifier says which way up they read.
    /// </summary>
    public int PageTurn(PageImage image, IReadOnlyList<RotatedBox> boxes, CancellationToken cancellation = default)
    {
        var sample = boxes.Where(b => Math.Max(b.Width, b.Height) >= 2 * Math.Min(b.Width, b.Height))
            .OrderByDescending(b => Math.Max(b.Width, b.Height)).Take(24).Select(b => CropOf(image, b)).ToList();
        if (sample.Count == 0) return 0;
        Classify(sample, cancellation);
        var sideways = sample.Count(c => c.Sideways) * 2 > sample.Count;
        var group = sample.Where(c => c.Sideways == sideways).ToList();
        var upsideDown = group.Count(c => c.UpsideDown) * 2 > group.Count;
        return sideways ? (upsideDown ? 3 : 1) : (upsideDown ? 2 : 0);
    }

    /// <summary>The page's skew in radians: the median tilt of its longer lines (0 when too few to say).</summary>
    public static double Skew(IReadOnlyList<RotatedBox> boxes)
    {
        var angles = boxes.Where(b => b.Width >= 4 * b.Height).Select(b => b.Angle).Order().ToList();
        return angles.Count < 5 ? 0 : angles[angles.Count / 2];
    }

    private static Crop CropOf(PageImage image, RotatedBox box)
    {
        var pixels = ImageSampling.Cut(image, box, out var w, out var h);
        var sideways = h >= SidewaysRatio * w;
        if (sideways) { pixels = ImageSampling.QuarterTurn(pixels, w, h); (w, h) = (h, w); }
        return new Crop(box, pixels, w, h, sideways);
    }

    /// <summary>
    /// Reads the given regions of the image. On a page already turned upright (<paramref name="uprightPage"/>, as
    /// <see cref="PageTurn"/> decides from its longest lines) a line laid flat reads as the page does and only lines
    /// running down the page go to the angle classifier: on a crop of one or two characters it is often sure and wrong,
    /// and the half turn it orders makes another valid reading (99 read as 66, 98 as 86, ≥ as ≤).
    /// </summary>
    public List<RecognizedLine> Recognize(PageImage image, IReadOnlyList<RotatedBox> boxes, CancellationToken cancellation = default, Action? progress = null, bool uprightPage = false)
    {
        var crops = boxes.Select(b => CropOf(image, b)).ToList();
        Classify(uprightPage ? crops.Where(c => c.Sideways).ToList() : crops, cancellation);
        progress?.Invoke();
        var lines = new RecognizedLine?[crops.Count];
        var order = Enumerable.Range(0, crops.Count).OrderBy(i => (double)crops[i].Width / crops[i].Height).ToList();
        for (var start = 0; start < order.Count; start += Options.RecognitionBatch)
        {
            cancellation.ThrowIfCancellationRequested();
            var batch = order.Skip(start).Take(Options.RecognitionBatch).ToList();
            var decoded = RecognizeBatch(batch.Select(i => crops[i]).ToList(), cancellation);
            for (var k = 0; k < batch.Count; k++) lines[batch[k]] = Place(crops[batch[k]], decoded[k].Chars, decoded[k].InputWidth);
            progress?.Invoke();
        }
        return lines.Where(l => l is { Text.Length: > 0 }).Select(l => l!).ToList();
    }

    private sealed class Crop(RotatedBox box, byte[] pixels, int width, int height, bool sideways)
    {
        public RotatedBox Box { get; } = box;
        public byte[] Pixels { get; } = pixels;
        public int Width { get; } = width;
        public int Height { get; } = height;
        public bool Sideways { get; } = sideways;
        public bool UpsideDown { get; set; }
    }

    /// <summary>The angle classifier (0° or 180°) on every crop; a crop it is sure is upside down is turned.</summary>
    private void Classify(List<Crop> crops, CancellationToken cancellation)
    {
        const int batchSize = 16;
        for (var start = 0; start < crops.Count; start += batchSize)
        {
            var batch = crops.Skip(start).Take(batchSize).ToList();
            var input = new float[batch.Count * 3 * ClassifierHeight * ClassifierWidth];
            for (var k = 0; k < batch.Count; k++)
                Normalise(batch[k], input.AsSpan(k * 3 * ClassifierHeight * ClassifierWidth, 3 * ClassifierHeight * ClassifierWidth), ClassifierWidth, ClassifierHeight, ClassifierWidth);
            using var tensor = OrtValue.CreateTensorValueFromMemory(input, [batch.Count, 3, ClassifierHeight, ClassifierWidth]);
            using var outputs = Run(classifier, tensor, cancellation);
            var p = outputs[0].GetTensorDataAsSpan<float>();
            for (var k = 0; k < batch.Count; k++)
            {
                if (p[2 * k + 1] <= p[2 * k] || p[2 * k + 1] < Options.AngleThreshold) continue;
                ImageSampling.HalfTurn(batch[k].Pixels);
                batch[k].UpsideDown = true;
            }
        }
    }

    private List<(List<DecodedChar> Chars, int InputWidth)> RecognizeBatch(List<Crop> batch, CancellationToken cancellation)
    {
        var width = Math.Max(Options.RecognitionMinWidth, batch.Max(c => ScaledWidth(c, int.MaxValue)));
        width = (width + 7) / 8 * 8;
        var size = 3 * RecognitionHeight * width;
        var input = new float[batch.Count * size];
        var widths = new int[batch.Count];
        for (var k = 0; k < batch.Count; k++) widths[k] = Normalise(batch[k], input.AsSpan(k * size, size), width, RecognitionHeight, width);
        using var tensor = OrtValue.CreateTensorValueFromMemory(input, [batch.Count, 3, RecognitionHeight, width]);
        using var outputs = Run(recognition, tensor, cancellation);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        int steps = (int)shape[1], classes = (int)shape[2];
        var all = outputs[0].GetTensorDataAsSpan<float>();
        var result = new List<(List<DecodedChar>, int)>(batch.Count);
        for (var k = 0; k < batch.Count; k++)
        {
            var chars = decoder.Decode(all.Slice(k * steps * classes, steps * classes), steps);
            // A step covers width / steps input columns; columns past the line's own width are padding.
            var stride = (double)width / steps;
            result.Add((chars.Select(c => c with { Column = c.Column * stride }).ToList(), widths[k]));
        }
        return result;
    }

    /// <summary>
    /// One network run that a cancelled token stops where it is (the terminate flag), rather than running on after the
    /// document was given up: a process that exits with a run still going has ONNX Runtime print its teardown errors.
    /// </summary>
    private static IDisposableReadOnlyCollection<OrtValue> Run(InferenceSession session, OrtValue input, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        // A failed run is an exception carrying its message; ONNX Runtime's own log line for it on stderr (for a run
        // stopped by the flag, or torn down, its kernel's internal words) would only repeat it to the user.
        using var run = new RunOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        using var stop = cancellation.Register(() => run.Terminate = true);
        try
        {
            return session.Run(run, [session.InputNames[0]], [input], [session.OutputNames[0]]);
        }
        catch (OnnxRuntimeException) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException(cancellation);
        }
    }

    private static int ScaledWidth(Crop crop, int max) =>
        Math.Clamp((int)Math.Ceiling(RecognitionHeight * (double)crop.Width / crop.Height), 1, max);

    /// <summary>
    /// A crop resized to the network's height (keeping its proportions, at most <paramref name="maxWidth"/> wide),
    /// scaled to [-1, 1] in three identical channels, zero-padded on the right. Returns the width it took.
    /// </summary>
    private static int Normalise(Crop crop, Span<float> target, int maxWidth, int height, int stride)
    {
        var w = Math.Clamp((int)Math.Ceiling(height * (double)crop.Width / crop.Height), 1, maxWidth);
        var resized = ImageSampling.Resize(crop.Pixels, crop.Width, crop.Height, w, height);
        var plane = height * stride;
        for (var y = 0; y < height; y++)
            for (var x = 0; x < w; x++)
            {
                var v = (resized[y * w + x] / 255f - 0.5f) / 0.5f;
                target[y * stride + x] = v;
                target[plane + y * stride + x] = v;
                target[2 * plane + y * stride + x] = v;
            }
        return w;
    }

    /// <summary>
    /// Each character's stretch of the line on the page. The recogniser says where along the line it read each
    /// character; the line's own ink says where the gaps are. Neighbours meet halfway unless a blank stretch at least
    /// <see cref="WordGap"/> line heights wide lies between them: then each ends at that gap's edge, so the gap printed
    /// between two table cells or two words stays a gap, and none is made inside a figure.
    /// </summary>
    private static RecognizedLine Place(Crop crop, List<DecodedChar> decoded, int inputWidth)
    {
        var box = crop.Box;
        var toCrop = (double)crop.Width / inputWidth;
        var chars = decoded.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToList();
        var centres = chars.Select(c => Math.Clamp(c.Column * toCrop, 0, crop.Width)).ToArray();
        var (inked, firstInk, lastInk) = InkColumns(crop);
        var placed = new List<PlacedChar>(chars.Count);
        for (var i = 0; i < chars.Count; i++)
        {
            var start = i == 0 ? Math.Min(firstInk, centres[i]) : Boundary(centres[i - 1], centres[i], inked, crop.Height).Right;
            var end = i == chars.Count - 1 ? Math.Max(lastInk, centres[i]) : Boundary(centres[i], centres[i + 1], inked, crop.Height).Left;
            if (crop.UpsideDown) (start, end) = (crop.Width - end, crop.Width - start);
            var (x0, y0) = crop.Sideways ? box.At(0, start) : box.At(start, 0);
            var (x1, y1) = crop.Sideways ? box.At(box.Width, end) : box.At(end, box.Height);
            placed.Add(new PlacedChar(chars[i].Value, Math.Min(x0, x1), Math.Min(y0, y1), Math.Max(x0, x1), Math.Max(y0, y1), chars[i].Confidence));
        }
        var text = string.Concat(decoded.Select(c => c.Value)).Trim();
        return new RecognizedLine(box, text, placed, crop.Sideways, crop.UpsideDown);
    }

    /// <summary>A blank stretch this many line heights wide parts words (a Chinese line has none inside a phrase).</summary>
    private const double WordGap = 0.4;

    /// <summary>Where two neighbouring characters part: the edges of the widest blank stretch between them, or halfway.</summary>
    private static (double Left, double Right) Boundary(double a, double b, bool[] inked, int height)
    {
        int from = (int)Math.Ceiling(Math.Min(a, b)), to = (int)Math.Floor(Math.Max(a, b));
        int bestStart = -1, bestLength = 0;
        for (int x = Math.Max(0, from), run = 0; x <= Math.Min(to, inked.Length - 1); x++)
        {
            run = inked[x] ? 0 : run + 1;
            if (run > bestLength) (bestLength, bestStart) = (run, x - run + 1);
        }
        if (bestLength < WordGap * height) return ((a + b) / 2, (a + b) / 2);
        return (bestStart, bestStart + bestLength);
    }

    /// <summary>Which columns of the crop hold ink, and the first and last that do.</summary>
    private static (bool[] Inked, double First, double Last) InkColumns(Crop crop)
    {
        var inked = new bool[crop.Width];
        for (var y = 0; y < crop.Height; y++)
            for (var x = 0; x < crop.Width; x++)
                if (crop.Pixels[y * crop.Width + x] < 128) inked[x] = true;
        int first = Array.IndexOf(inked, true), last = Array.LastIndexOf(inked, true);
        return first < 0 ? (inked, 0, crop.Width) : (inked, first, last + 1);
    }
}
