namespace Extractor.Recognition.Facts;

/// <summary>A figure the explanation text states for a fact key, with where it was printed.</summary>
public sealed record TextStatement(string Key, decimal Value, string Unit, string Printed, string? PrintedUnit, int Page, double[]? Bbox, string Sentence);
