namespace Extractor.Recognition.Facts;

/// <summary>A figure the explanation text states for a fact key, with where it was printed.</summary>
public sealed record TextStatement(string Key, decimal Value, string Unit, string Printed, string? PrintedUnit, int Page, double[]? Bbox, string Sentence)
{
    /// <summary>Position in the document's text (page order), to tell statements made together from distant ones.</summary>
    public int Offset { get; init; }

    /// <summary>The element path of the line it was printed on, where the format has no geometry.</summary>
    public string? Path { get; init; }
}
