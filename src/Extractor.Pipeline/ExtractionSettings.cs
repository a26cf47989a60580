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
}
