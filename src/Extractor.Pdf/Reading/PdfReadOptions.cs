namespace Extractor.Pdf.Reading;

public sealed record PdfReadOptions
{
    /// <summary>Pages beyond this are not read; the document is failed as too_many_pages.</summary>
    public int MaxPages { get; init; } = 2000;

    /// <summary>Paths with more segments than this on one page are not turned into rulings (pathological drawings).</summary>
    public int MaxPathSegmentsPerPage { get; init; } = 50_000;

    public CancellationToken Cancellation { get; init; }

    /// <summary>
    /// Read pages on two cores (a second parse of the same bytes): for one document at a time, as `extractor tables`
    /// runs. Off where documents already run in parallel (ingest's workers), where it would only add the second parse.
    /// </summary>
    public bool ParallelPages { get; init; }

    /// <summary>Caps on decoded streams and CMaps (decompression and CMap bombs fail as too_large).</summary>
    public DecodeLimits Decode { get; init; } = new();
}
