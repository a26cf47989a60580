using Extractor.Core.Layout;

namespace Extractor.Pdf.Text;

/// <summary>A visible glyph in display space (page rotation and rotated text already undone).</summary>
/// <remarks>
/// <see cref="Box"/> spans the font's body on the baseline (not the ink), so "。" and "一" on one line
/// share a vertical extent and fall into the same row.
/// <see cref="Confidence"/> is the OCR engine's probability that the glyph (or OCR word) was read right; 1 for a text layer.
/// </remarks>
public readonly record struct GlyphBox(string Value, Box Box, double FontSize, string FontName, bool Bold)
{
    public double Confidence { get; init; } = 1;

    /// <summary>
    /// Where along the line the glyph's advance runs (from its origin to the next glyph's, display space), for a text
    /// layer's glyph; NaN when unknown (OCR). The ink of a full-width mark fills only half of it.
    /// </summary>
    public (double Left, double Right) Advance { get; init; } = (double.NaN, double.NaN);
}
