using Extractor.Core.Layout;

namespace Extractor.Tables.Stream;

/// <summary>One row of a stream grid while it is built: the words of each column, and its box.</summary>
internal sealed class Row
{
    public required List<List<TextWord>> Cells;
    public Box Box;
    public bool Numeric;
    public double CentreY => Box.CentreY;

    /// <summary>Takes another line's words into this row, column by column.</summary>
    public void Absorb(Row from)
    {
        for (var c = 0; c < Cells.Count; c++) Cells[c].AddRange(from.Cells[c]);
        Box = Box.Union(from.Box);
        Numeric |= from.Numeric;
    }
}
