using Extractor.Core.Report;

namespace Extractor.Recognition.Meaning;

/// <summary>
/// Reads a canonical table through its roles: the row with a role, a row's own figure, the figure a row prints
/// for a measure. The only place that decides which column is "the amount".
/// </summary>
public static class TableMeaning
{
    /// <summary>After canonical mapping: the table with its column roles and row roles set.</summary>
    public static ReportTable Assign(ReportTable t, int? fiscalYear) => new()
    {
        Id = t.Id, Title = t.Title, PageStart = t.PageStart, PageEnd = t.PageEnd, Unit = t.Unit, Columns = t.Columns,
        Bbox = t.Bbox, Method = t.Method, Regions = t.Regions,
        ColumnRoles = ColumnMeanings.Of(t.Id, t.Columns, fiscalYear),
        Rows = RowMeanings.Assign(t.Id, t.Rows),
    };

    public static ColumnMeaning Role(ReportTable t, string column) =>
        t.ColumnRoles.TryGetValue(column, out var r) ? r : new ColumnMeaning(ColumnKinds.Amount);

    /// <summary>The first row with that role (on that side), preferring one that prints figures.</summary>
    public static ReportRow? Row(ReportTable t, string role, string? side = null) =>
        t.Rows.FirstOrDefault(r => r.Is(role) && (side is null || r.Side is null || r.Side == side) && r.Values.Count > 0)
        ?? t.Rows.FirstOrDefault(r => r.Is(role) && (side is null || r.Side is null || r.Side == side));

    /// <summary>
    /// A column that may give money of the report's own year on the wanted basis: an amount or total of no other
    /// year. Basis null: whatever the table prints; "actual": not a column headed 预算数 (a final account's own
    /// figures); "budget": only a column headed 预算数 (the budget a final account compares against).
    /// </summary>
    public static bool IsOwnMoney(ColumnMeaning role, string? basis) =>
        ColumnKinds.IsAddable(role.Kind) && role.Period is null && OnBasis(role, basis);

    private static bool OnBasis(ColumnMeaning role, string? basis) => basis switch
    {
        null => true,
        "budget" => role.Basis == "budget",
        _ => role.Basis != "budget",
    };

    /// <summary>
    /// The row's own figure: its total column where it prints one (the shortest header path), else its only money
    /// column, else the one plain column (预算数, 金额) among named ones. Null when that is ambiguous: a wrong column
    /// is worse than no figure.
    /// </summary>
    public static (string Column, decimal Value)? Amount(ReportTable t, ReportRow? row, string? basis = null)
    {
        if (row is null) return null;
        var own = row.Values.Where(kv => IsOwnMoney(Role(t, kv.Key), basis)).ToList();
        if (own.Count == 0) return null;
        if (own.Count == 1) return (own[0].Key, own[0].Value);
        var totals = own.Where(kv => Role(t, kv.Key).Kind == ColumnKinds.Total).OrderBy(kv => kv.Key.Count(c => c == '/')).ToList();
        if (totals.Count > 0) return (totals[0].Key, totals[0].Value);
        var plain = own.Where(kv => Role(t, kv.Key).Measure is null).ToList();
        return plain.Count == 1 ? (plain[0].Key, plain[0].Value) : null;
    }

    /// <summary>
    /// The figure the row prints in the column of that measure: an amount or total, or a 其中 column that names the
    /// measure itself (其中:公务用车购置 under 公务用车购置及运行费); never a change, rate, count or another year's.
    /// </summary>
    public static (string Column, decimal Value)? Measure(ReportTable t, ReportRow? row, string measure, string? basis = null, bool percent = false)
    {
        if (row is null) return null;
        foreach (var (column, value) in row.Values)
        {
            var role = Role(t, column);
            if (role.Measure != measure || role.Period is not null) continue;
            if (!OnBasis(role, basis)) continue;
            // percent: a figure that is not money (a rate, or a form's score: a quantity of points).
            if (percent ? role.Kind is ColumnKinds.Percent or ColumnKinds.Quantity : ColumnKinds.IsAddable(role.Kind) || role.Kind == ColumnKinds.Subset)
                return (column, value);
        }
        return null;
    }
}
