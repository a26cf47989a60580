namespace Extractor.Pipeline;

/// <summary>Limits and switches for one extraction; the defaults are what `extractor` uses unless told otherwise.</summary>
public sealed record ExtractionSettings
{
    public int MaxPages { get; init; } = 2000;
    public TimeSpan PerDocumentTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Path of the section classifier model; null: the built-in default under models/, rules alone if absent.</summary>
    public string? SectionModelPath { get; init; }
    /// <summary>Let a reader use a second core for the document; for one document at a time (`extract`), not ingest's workers.</summary>
    public bool ParallelPages { get; init; }
    /// <summary>The engine scanned pages are read with (`--ocr`).</summary>
    public Extractor.Ocr.OcrEngine Ocr { get; init; } = Extractor.Ocr.OcrEngines.Default;
    /// <summary>Below what confidence a figure read by OCR is withheld (<see cref="Extractor.Recognition.Checks.OcrConfidenceGuard"/>).</summary>
    public Extractor.Recognition.Checks.OcrConfidenceOptions OcrConfidence { get; init; } = new();
    /// <summary>
    /// The limit is the longest pause between two steps (a page OCR'd, a stage done) rather than the whole document's:
    /// for a command on one document (`extract`), which should not stop a document still making progress. A batch
    /// keeps a whole-document limit, extended by <see cref="OcrTimePerPage"/> for each page to OCR.
    /// </summary>
    public bool RestartOnProgress { get; init; }
    /// <summary>
    /// Added to the document's limit for each scanned page to OCR, so a scan is not failed as timeout for being long;
    /// unless set, the engine's <see cref="DefaultOcrTimePerPage"/>.
    /// </summary>
    public TimeSpan OcrTimePerPage { get => _ocrTimePerPage ?? DefaultOcrTimePerPage(Ocr); init => _ocrTimePerPage = value; }
    private readonly TimeSpan? _ocrTimePerPage;

    /// <summary>
    /// A page takes about 4 s of Tesseract on an idle core (a 25-page scan ~100 s) and several times that on a busy
    /// machine: 15 s. PP-OCR now spends less CPU than Tesseract on a page (2.9 CPU-s against 4.2, README "OCR") but
    /// several times its memory; 30 s is kept as the margin for a machine shared with other work.
    /// </summary>
    public static TimeSpan DefaultOcrTimePerPage(Extractor.Ocr.OcrEngine engine) =>
        TimeSpan.FromSeconds(engine == Extractor.Ocr.OcrEngine.Tesseract ? 15 : 30);
    /// <summary>Folders searched for the OCR tools (pdftoppm, tesseract), separated by ':'; null: PATH.</summary>
    public string? ToolPath { get; init; }

    /// <summary>Longest per-document limit: a day, well inside what a .NET timer holds (24.8 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromDays(1);

    /// <summary>Refuses settings no document could be read under, before any is read.</summary>
    public void Validate()
    {
        if (MaxPages < 1) throw new ArgumentOutOfRangeException(nameof(MaxPages), MaxPages, "the page limit must be at least 1");
        if (OcrTimePerPage < TimeSpan.Zero || OcrTimePerPage > TimeSpan.FromHours(1))
            throw new ArgumentOutOfRangeException(nameof(OcrTimePerPage), OcrTimePerPage, "the time per OCR page must be from 0 to an hour");
        if (PerDocumentTimeout <= TimeSpan.Zero || PerDocumentTimeout > MaxTimeout)
            throw new ArgumentOutOfRangeException(nameof(PerDocumentTimeout), PerDocumentTimeout, $"the per-document limit must be from 1 ms to {MaxTimeout.TotalSeconds:0} s");
        foreach (var least in new[] { OcrConfidence.PpOcrMinFigureConfidence, OcrConfidence.TesseractMinFigureConfidence })
            if (least is < 0 or > 1 or double.NaN)
                throw new ArgumentOutOfRangeException(nameof(OcrConfidence), least, "the least confidence of an OCR figure must be from 0 to 1");
    }
}
