using System.Security.Cryptography;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Text;
using Extractor.Pdf.Rulings;
using Extractor.Pdf.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Exceptions;
using UglyToad.PdfPig.Outline;

namespace Extractor.Pdf.Reading;

/// <summary>
/// Reads a PDF into <see cref="DocumentContent"/>: visible letters only (PdfPig's clipping drops text
/// outside the clip path, the WPS overflow trap), words and lines by geometry, rulings, outline, info.
/// </summary>
public sealed class PdfDocumentReader
{
    public DocumentContent Read(string path, PdfReadOptions? options = null)
    {
        options ??= new PdfReadOptions();
        var hasTrailer = PdfSniffer.EnsurePdf(path);
        var bytes = File.ReadAllBytes(path);
        var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
        var budget = new DecodeBudget(options.Decode);
        try
        {
            budget.CheckRaw(bytes);
            using var doc = Open(bytes, budget);
            if (doc.NumberOfPages == 0) throw new ExtractionException("no_pages", "the PDF has no pages");
            if (doc.NumberOfPages > options.MaxPages)
                throw new ExtractionException("too_many_pages", $"{doc.NumberOfPages} pages, over the limit of {options.MaxPages}");
            SystemFontSettling.Settle(doc);
            var pages = ReadPages(doc, bytes, options, budget);
            var outline = ReadOutline(doc);
            TooLarge(budget);
            return new DocumentContent(sha, path, "application/pdf", pages, outline, ReadInfo(doc));
        }
        catch (PdfDocumentEncryptedException e)
        {
            throw new ExtractionException("encrypted", "encrypted PDF that does not open with an empty password", e);
        }
        catch (DecodeLimitException e)
        {
            throw new ExtractionException("too_large", $"{e.Message}; the PDF is refused", e);
        }
        catch (OutOfMemoryException e)
        {
            // What the caps above do not foresee still may not take the machine: the runtime's heap limit stops it here.
            throw new ExtractionException("too_large", "reading it needed more memory than the process may use", e);
        }
        catch (Exception e) when (e is not ExtractionException and not OperationCanceledException)
        {
            // PdfPig's own format errors name what is wrong with the file; anything else (a null key, a token of the
            // wrong type deep in the parser) is the parser's internal state: the user is told what to do, the log keeps it.
            var reason = hasTrailer ? "damaged" : "truncated";
            var what = e is UglyToad.PdfPig.Core.PdfDocumentFormatException
                ? FirstLine(e.Message)
                : "its structure cannot be parsed";
            var told = (hasTrailer ? "damaged PDF: " : "truncated PDF (no trailer): ") + what + "; download it again, or repair it (qpdf in.pdf out.pdf)";
            Extractor.Core.ErrorLog.Write(path, told, e);
            throw new ExtractionException(reason, $"{told} ({Extractor.Core.ErrorLog.Hint})", e);
        }
    }

    private static PdfDocument Open(byte[] bytes, DecodeBudget budget) => PdfDocument.Open(bytes, new ParsingOptions
    {
        ClipPaths = true,
        UseLenientParsing = true,
        SkipMissingFonts = true,
        Password = string.Empty,
        FilterProvider = budget.Provider(),
    });

    /// <summary>A decode limit the parser's lenient mode swallowed is still the document's end.</summary>
    private static void TooLarge(DecodeBudget budget)
    {
        if (budget.Exceeded is { } what) throw new DecodeLimitException(what);
    }

    /// <summary>
    /// Every page, in order. In parallel, a second document over the same bytes (one PdfPig document is not safe
    /// across threads; two are independent) takes pages from the same counter, so each core reads whatever page is
    /// next and a page's content does not depend on which core read it.
    /// </summary>
    private static PageContent[] ReadPages(PdfDocument doc, byte[] bytes, PdfReadOptions options, DecodeBudget budget)
    {
        var pages = new PageContent[doc.NumberOfPages];
        var next = -1;
        void Drain(PdfDocument d)
        {
            for (var i = Interlocked.Increment(ref next); i < pages.Length; i = Interlocked.Increment(ref next))
            {
                options.Cancellation.ThrowIfCancellationRequested();
                pages[i] = ReadPage(d.GetPage(i + 1), options);
                TooLarge(budget);
            }
        }
        // A short document is over before a second parse would pay for itself.
        if (!options.ParallelPages || pages.Length < 8 || Environment.ProcessorCount < 2)
        {
            Drain(doc);
            return pages;
        }
        var helper = Task.Factory.StartNew(() => { using var second = Open(bytes, budget); Drain(second); },
            options.Cancellation, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Exception? failure = null;
        try { Drain(doc); }
        catch (Exception e)
        {
            failure = e;
            Volatile.Write(ref next, pages.Length); // the helper stops at its next page
        }
        // Waits for the helper; GetResult rethrows its own exception (not wrapped), unless ours came first.
        try { helper.GetAwaiter().GetResult(); }
        catch (Exception) when (failure is not null) { }
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
        return pages;
    }

    public static PageContent ReadPage(Page page, PdfReadOptions options)
    {
        // PdfPig already applies /Rotate: letters and paths arrive in the displayed page's space, whose
        // size is page.Width × page.Height. Only text set sideways on the page is left to turn upright.
        var crop = page.CropBox.Bounds;
        var (originX, originY) = page.Rotation.Value == 0 ? (crop.Left, crop.Bottom) : (0.0, 0.0);
        var letters = page.Letters;
        var space = new DisplaySpace(SidewaysTextTurns(letters), page.Width, page.Height, originX, originY);
        var glyphs = new List<GlyphBox>(letters.Count);
        foreach (var l in letters)
        {
            if (l.Value.Length == 0) continue;
            var r = l.BoundingBox;
            // Letters entirely off the visible page are not seen by anyone.
            if (r.Right < originX || r.Left > originX + page.Width || r.Top < originY || r.Bottom > originY + page.Height) continue;
            if (l.RenderingMode == UglyToad.PdfPig.Core.TextRenderingMode.Neither) continue;
            var fontName = l.FontName ?? string.Empty;
            var bold = fontName.Contains("Bold", StringComparison.OrdinalIgnoreCase)
                       || fontName.Contains("Heavy", StringComparison.OrdinalIgnoreCase)
                       || fontName.Contains("Black", StringComparison.OrdinalIgnoreCase)
                       || l.RenderingMode == UglyToad.PdfPig.Core.TextRenderingMode.FillThenStroke
                       || (l.Font?.IsBold ?? false);
            var ink = space.Map(r);
            var size = l.PointSize > 0.5 ? l.PointSize : Math.Max(ink.Height, 1);
            var (start, baseline) = space.Map(l.StartBaseLine.X, l.StartBaseLine.Y);
            var (end, _) = space.Map(l.EndBaseLine.X, l.EndBaseLine.Y);
            var body = new Box(ink.Left, baseline - 0.2 * size, Math.Max(ink.Right, ink.Left + 0.1), baseline + 0.8 * size);
            glyphs.Add(new GlyphBox(l.Value, body, size, fontName, bold) { Advance = (Math.Min(start, end), Math.Max(start, end)) });
        }
        var (words, lines) = LineBuilder.Build(glyphs);
        var rulings = RulingCollector.Collect(page, space, options.MaxPathSegmentsPerPage);
        return new PageContent(page.Number, space.Width, space.Height, words, lines, rulings)
        {
            LooksScanned = LooksScanned(page, glyphs.Count),
        };
    }

    /// <summary>Quarter turns that make most letters upright: a landscape table set sideways on a portrait page.</summary>
    private static int SidewaysTextTurns(IReadOnlyList<Letter> letters)
    {
        if (letters.Count == 0) return 0;
        int r90 = 0, r270 = 0, r180 = 0, upright = 0;
        foreach (var l in letters)
        {
            switch (l.TextOrientation)
            {
                case TextOrientation.Rotate90: r90++; break;
                case TextOrientation.Rotate270: r270++; break;
                case TextOrientation.Rotate180: r180++; break;
                case TextOrientation.Horizontal: upright++; break;
            }
        }
        var max = Math.Max(Math.Max(r90, r270), r180);
        if (max <= upright) return 0;
        // PdfPig's Rotate90 reads top to bottom (turn the page back a quarter), Rotate270 bottom to top.
        return max == r90 ? 3 : max == r270 ? 1 : 2;
    }

    internal static bool LooksScanned(Page page, int visibleGlyphs)
    {
        if (visibleGlyphs > 20) return false;
        var area = page.Width * page.Height;
        try
        {
            return page.GetImages().Any(i => i.Bounds.Width * i.Bounds.Height > 0.4 * area);
        }
        catch (Exception)
        {
            return page.NumberOfImages > 0;
        }
    }

    private static IReadOnlyList<OutlineEntry> ReadOutline(PdfDocument doc)
    {
        var result = new List<OutlineEntry>();
        try
        {
            if (!doc.TryGetBookmarks(out var bookmarks)) return result;
            void Walk(BookmarkNode node)
            {
                int? page = node is DocumentBookmarkNode d ? d.PageNumber : null;
                result.Add(new OutlineEntry(TextNormalizer.Normalize(node.Title), node.Level, page));
                foreach (var child in node.Children) Walk(child);
            }
            foreach (var root in bookmarks.Roots) Walk(root);
        }
        catch (Exception)
        {
            // A broken outline must not cost the document: bookmarks are only corroborating evidence.
        }
        return result;
    }

    private static IReadOnlyDictionary<string, string> ReadInfo(PdfDocument doc)
    {
        var info = new Dictionary<string, string>();
        void Put(string key, string? value) { if (!string.IsNullOrWhiteSpace(value)) info[key] = value.Trim(); }
        var i = doc.Information;
        Put("title", TextNormalizer.Normalize(PdfInfoText.Read(i, "Title", i.Title))); Put("author", i.Author); Put("subject", TextNormalizer.Normalize(PdfInfoText.Read(i, "Subject", i.Subject))); Put("creator", i.Creator);
        Put("producer", i.Producer); Put("created", i.CreationDate); Put("modified", i.ModifiedDate);
        return info;
    }

    private static string FirstLine(string s) => s.Split('\n')[0].Trim();
}
