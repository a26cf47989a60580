namespace Extractor.Pipeline;

/// <summary>Limits and switches for one extraction; the defaults are what `extractor` uses unless told otherwise.</summary>
public sealed record ExtractionSettings
{
    public int MaxPages { get; init; } = 2000;
    public TimeSpan PerDocumentTimeout { get; init; } = TimeSpan.FromSeconds(120);
    /// <summary>Path of the section classifier model; null: the built-in default under models/, rules alone if absent.</summary>
    public string? SectionModelPath { get; init; }
}
