namespace Extractor.Recognition.Tables;

/// <summary>
/// What a column holds: its row's name, its code (whole or one of 类/款/项), the 行次, amounts, or the 预算单位 a
/// row belongs to (a table that lists its classification once per unit beside a 单位名称 column).
/// </summary>
public enum ColumnRole { Label, Code, CodePart, LineNumber, Value, Ignored, BudgetUnit }

public sealed record ColumnSpec(int Index, ColumnRole Role, string Name, int Segment);

/// <summary>
/// One side or group of a table printed side by side (t01 收入 | 支出, t06 人员经费 | 公用经费): its columns
/// from <see cref="First"/> to <see cref="Last"/> and the group name printed above it.
/// </summary>
public sealed record Segment(int Index, int First, int Last, string? GroupName);

/// <summary>The header's reading of a raw table: where the body starts, each column's role and name.</summary>
public sealed record ColumnLayout(
    int BodyStart,
    IReadOnlyList<ColumnSpec> Columns,
    IReadOnlyList<Segment> Segments,
    IReadOnlyList<string> HeaderTexts,
    IReadOnlyList<string> CaptionLines,
    string? Unit)
{
    public bool HasHeader => HeaderTexts.Count > 0;
    public IEnumerable<ColumnSpec> In(Segment s) => Columns.Where(c => c.Segment == s.Index);
}
