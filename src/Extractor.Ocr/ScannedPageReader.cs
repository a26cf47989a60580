using Extractor.Core.Layout;

namespace Extractor.Ocr;

/// <summary>
/// Replaces the pages a PDF reader flagged as scans by their OCR reading; other pages stay as read. <paramref name="only"/>
/// limits the OCR to the pages a command asked for (`text --pages 3`), since each scanned page costs seconds. With
/// <c>parallel</c> (one document at a time, as `extract` runs) two pages are read at once, one a core.
/// </summary>
public static class ScannedPageReader
{
    /// <param name="progress">told after each page is read, and by an engine that can after each step within a page (a long
    /// scan, or one slow page, making progress); it may be called from two threads at once</param>
    public static DocumentContent Apply(DocumentContent content, string pdfPath, TimeSpan perPageLimit, CancellationToken cancellation,
        Func<int, bool>? only = null, OcrEngine engine = OcrEngines.Default, bool parallel = false, Action? progress = null)
    {
        bool Wanted(PageContent p) => p.LooksScanned && (only is null || only(p.Number));
        if (!content.Pages.Any(Wanted)) return content;
        var ocr = OcrEngines.Create(engine);
        var pages = content.Pages.ToArray();
        var wanted = Enumerable.Range(0, pages.Length).Where(i => Wanted(pages[i])).ToList();
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel ? Math.Min(2, Environment.ProcessorCount) : 1, CancellationToken = cancellation };
        try
        {
            Parallel.ForEach(wanted, options, i =>
            {
                pages[i] = ocr.Recognize(pdfPath, pages[i], perPageLimit, cancellation, progress);
                progress?.Invoke();
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // A page's failure (a timeout, a tool missing) is the document's, told as it was thrown, not as the
            // parallel loop's wrapper (which read as an internal error).
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
        }
        return content with { Pages = pages };
    }
}
