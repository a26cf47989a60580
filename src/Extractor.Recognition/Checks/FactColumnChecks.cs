using Extractor.Core.Report;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A guard on the reading itself, not on the document: every money fact read from a table must come from a
/// column that holds money of the report's year (an amount or a total column), never from a quantity, price,
/// percentage, change, subset (其中/扣除…后) or other-year column. A failure is a misread to fix in the column
/// lexicon, reported as a failed check so that it is seen rather than stored silently.
/// </summary>
public static class FactColumnChecks
{
    public const string Rule = "facts.money_column_is_amount";

    public static void Run(IReadOnlyList<Fact> facts, IReadOnlyList<ReportTable> tables, CheckBuilder checks)
    {
        foreach (var fact in facts.Where(f => f.Provenance.Kind == "table" && FactKeys.IsMoney(f.Key) && f.Provenance.Column is not null))
        {
            var table = tables.FirstOrDefault(t => t.Id == fact.Provenance.Table);
            if (table is null) continue;
            var role = TableMeaning.Role(table, fact.Provenance.Column!);
            checks.Compare(Rule, 1, Holds(fact.Key, role) ? 1 : 0, 0,
                $"{fact.Key} read from {table.Id} column {fact.Provenance.Column} ({role.Kind}{(role.Period is null ? "" : ", " + role.Period)})",
                fact.Provenance);
        }
    }

    /// <summary>
    /// Whether a money fact may come from a column of this meaning: money of the report's year that may be
    /// added up, or a 其中 column that names the very part the fact is (其中:公务用车购置 → vehicle_purchase).
    /// </summary>
    public static bool Holds(string key, ColumnMeaning role) =>
        TableMeaning.IsOwnMoney(role, basis: null)
        || role.Kind == ColumnKinds.Subset && role.Period is null
           && key.Replace(FactKeys.BudgetSuffix, "").EndsWith("." + role.Measure, StringComparison.Ordinal);
}
