using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Meaning;

/// <summary>The families of tables the lexicons name in their <c>tables</c> column.</summary>
public static class TableFamilies
{
    public static bool Includes(string family, string tableId) => family switch
    {
        "any" => true,
        "summary" => TableIds.IsTwoSided(tableId),
        "three_public" => tableId is TableIds.FinalThreePublic or TableIds.BudgetThreePublic,
        "procurement" => tableId == "budget.x_procurement",
        "perf_projects" => tableId == "perf.x_project_expenditure",
        // Performance-target and self-evaluation forms: a project's field block above an indicator grid, not a grid
        // whose header heads columns of figures (their own arithmetic is checked as forms).
        "forms" => IsForm(tableId),
        _ => throw new FormatException($"unknown table family '{family}'"),
    };

    /// <summary>
    /// Performance-target and self-evaluation forms: a project's field block above an indicator grid, read field by
    /// field (PerformanceFormReader), not a grid whose header heads columns of figures (their own arithmetic is checked
    /// as forms: PerformanceFormChecks). The list of projects with their 自评分数 is one of them.
    /// </summary>
    public static bool IsForm(string tableId) =>
        tableId.Contains("performance_targets") || tableId.Contains("self_evaluation") || tableId.Contains("indicator");
}
