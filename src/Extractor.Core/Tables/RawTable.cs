using Extractor.Core.Layout;

namespace Extractor.Core.Tables;

/// <summary>
/// One cell of a raw grid. A merged cell appears once, in its top-left slot, with its spans; the slots
/// it covers hold <see cref="RawCell.Covered"/> cells so every row has the table's column count.
/// </summary>
public sealed record RawCell(string Text, Box? Box = null, int RowSpan = 1, int ColSpan = 1)
{
    /// <summary>True for a slot covered by a merged cell that starts above or to the left.</summary>
    public bool IsCovered { get; init; }

    /// <summary>HTML/DOCX element path where there is no bbox.</summary>
    public string? Path { get; init; }

    /// <summary>
    /// The box of the text printed in the cell (its words), where <see cref="Box"/> is the cell's slot in the grid;
    /// null where the format has no geometry or the cell is empty. A figure's provenance points here.
    /// </summary>
    public Box? Ink { get; init; }

    public static RawCell Covered(Box? box = null) => new(string.Empty, box) { IsCovered = true };
}

/// <summary>A row of a raw table, with the page it was printed on (tables may span pages).</summary>
public sealed record RawRow(IReadOnlyList<RawCell> Cells, int Page, Box? Box = null);

/// <summary>
/// A table as found on the page, before any meaning is given to it: a rectangular grid of text.
/// <see cref="Method"/> says which finder produced it (lattice, stream, html, docx, xlsx, text).
/// </summary>
public sealed record RawTable(IReadOnlyList<RawRow> Rows, int PageStart, int PageEnd, Box? Box, string Method)
{
    public int ColumnCount => Rows.Count == 0 ? 0 : Rows.Max(r => r.Cells.Count);

    /// <summary>Text printed just above the table on its first page (title, 公开NN表, 单位, 金额单位 lines).</summary>
    public IReadOnlyList<string> Caption { get; init; } = [];

    /// <summary>
    /// The title when the reader knew it by its layout rather than its words (a line set centred over the table that
    /// reads like no table title, …标准); null: the title is the caption line <see cref="TableCaption.Title"/> picks.
    /// </summary>
    public string? Title { get; init; }

    public string Cell(int row, int col) =>
        row < Rows.Count && col < Rows[row].Cells.Count ? Rows[row].Cells[col].Text : string.Empty;
}
