namespace Extractor.Core.Layout;

/// <summary>A run of letters without a gap, normalised text. Bold comes from the font name or stroke rendering.</summary>
public sealed record TextWord(string Text, Box Box, double FontSize, string FontName, bool Bold)
{
    /// <summary>
    /// How sure the OCR engine was of the word's figure: the lowest confidence among its digits and decimal marks (of
    /// all its characters when it has none), 0–1; 1 for a text layer, which is not read but given.
    /// </summary>
    public double Confidence { get; init; } = 1;

    /// <summary>Read by an OCR engine from a page image, not given by a text layer.</summary>
    public bool IsOcr => FontName == OcrReaders.FontName;
}

/// <summary>Words on one baseline in reading order, joined CJK-aware.</summary>
public sealed record TextLine(string Text, Box Box, IReadOnlyList<TextWord> Words)
{
    public double FontSize => Words.Count == 0 ? 0 : Words.Max(w => w.FontSize);
    public bool Bold => Words.Count > 0 && Words.All(w => w.Bold);
}

/// <summary>A ruling line drawn on the page (a stroked path segment or a thin filled rectangle).</summary>
public readonly record struct Ruling(double X1, double Y1, double X2, double Y2)
{
    public bool IsHorizontal => Math.Abs(Y1 - Y2) < 0.5 && Math.Abs(X2 - X1) >= 0.5;
    public bool IsVertical => Math.Abs(X1 - X2) < 0.5 && Math.Abs(Y2 - Y1) >= 0.5;
    public double Length => Math.Sqrt((X2 - X1) * (X2 - X1) + (Y2 - Y1) * (Y2 - Y1));
}

/// <summary>One entry of the PDF outline (bookmarks) or of a Word document's heading map.</summary>
public sealed record OutlineEntry(string Title, int Level, int? Page);
