using Extractor.Core.Tables;

namespace Extractor.Recognition.Tables;

/// <summary>
/// A raw table with every slot resolved to the merged cell that covers it, so later steps can ask
/// "which printed cell is at (row, col), and does it start here or span from the left/above".
/// </summary>
public sealed class TableGrid
{
    private readonly (int Row, int Col)[,] _origin;

    public RawTable Raw { get; }
    public int RowCount { get; }
    public int ColumnCount { get; }

    public TableGrid(RawTable raw)
    {
        Raw = raw;
        RowCount = raw.Rows.Count;
        ColumnCount = raw.ColumnCount;
        _origin = new (int, int)[RowCount, ColumnCount];
        for (var r = 0; r < RowCount; r++)
            for (var c = 0; c < ColumnCount; c++) _origin[r, c] = (-1, -1);
        for (var r = 0; r < RowCount; r++)
        {
            var cells = raw.Rows[r].Cells;
            for (var c = 0; c < cells.Count && c < ColumnCount; c++)
            {
                var cell = cells[c];
                if (cell.IsCovered) continue;
                for (var dr = 0; dr < Math.Max(1, cell.RowSpan) && r + dr < RowCount; dr++)
                    for (var dc = 0; dc < Math.Max(1, cell.ColSpan) && c + dc < ColumnCount; dc++)
                        if (dr == 0 && dc == 0 || raw.Rows[r + dr].Cells.ElementAtOrDefault(c + dc)?.IsCovered == true)
                            _origin[r + dr, c + dc] = (r, c);
            }
        }
    }

    /// <summary>The printed cell covering (row, col); a covered slot with no known origin reads as empty.</summary>
    public RawCell Cell(int row, int col)
    {
        if (row >= RowCount || col >= ColumnCount) return new RawCell(string.Empty);
        var (r, c) = _origin[row, col];
        if (r < 0) return Raw.Rows[row].Cells.ElementAtOrDefault(col) ?? new RawCell(string.Empty);
        return Raw.Rows[r].Cells[c];
    }

    /// <summary>True when (row, col) is the top-left slot of its cell: the place its text is printed.</summary>
    public bool IsOrigin(int row, int col) => row < RowCount && col < ColumnCount && _origin[row, col] == (row, col);

    public (int Row, int Col) Origin(int row, int col) => _origin[row, col].Row < 0 ? (row, col) : _origin[row, col];

    /// <summary>Text printed at (row, col) only where the cell starts there; covered slots give "".</summary>
    public string OwnText(int row, int col) => IsOrigin(row, col) ? Cell(row, col).Text.Trim() : string.Empty;

    /// <summary>Columns the cell at (row, col) spans.</summary>
    public int SpanOf(int row, int col)
    {
        var (r, c) = Origin(row, col);
        var span = 1;
        while (c + span < ColumnCount && _origin[r, c + span] == (r, c)) span++;
        return span;
    }
}
