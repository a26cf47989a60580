using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;
using F = Extractor.Recognition.Meaning.PerformanceFields;

namespace Extractor.Recognition.Checks;

/// <summary>
/// A project's money on its performance form against the same project elsewhere in the same report: the line of
/// the report's project expenditure table that names it (项目支出预算表, a self-evaluation's 项目支出情况表), and the
/// prose that describes it ("…项目，年初预算数X万元，全年预算数Y万元，全年执行数Z万元"). The project is the same only
/// where its name is equal after <see cref="ProjectNames.Key"/> and no other line of either side has that name;
/// a figure one side does not print is insufficient_data, never a guess. Both sides are compared in 万元.
/// </summary>
public static partial class ProjectFormChecks
{
    public const string TableRule = "perf.project_funds_equals_project_table";
    public const string TextRule = "perf.project_text_equals_form";

    /// <summary>Tables that list the report's projects one per line with their money.</summary>
    private static readonly string[] ProjectTables = ["budget.x_project_expenditure", "perf.x_project_expenditure"];

    private sealed record Project(ReportTable Form, ReportRow Row);

    public static void Run(CheckContext ctx, IReadOnlyList<PageContent> prose, CheckBuilder checks)
    {
        // The department-wide form's line is the department, not a project.
        var projects = ctx.Tables.Where(t => TableFamilies.IsForm(t.Id) && !t.Id.Contains("department"))
            .SelectMany(t => t.Rows.Where(r => r.Is(F.ProjectRow) && r.Values.Count > 0).Select(r => new Project(t, r)))
            .GroupBy(p => ProjectNames.Key(p.Row.Label)).Where(g => g.Key.Length >= 2)
            // A name printed for two projects (two units' projects of the same name) is no one project.
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single());
        if (projects.Count == 0) return;
        AgainstTables(ctx, projects, checks);
        AgainstText(prose, projects, checks);
    }

    /// <summary>A figure the form prints for the project as a whole (its 年度资金总额 line, or no source named).</summary>
    /// <remarks>Two different such figures (the project's whole 项目资金总额 beside the year's 年度资金申请总额) are no one figure: none.</remarks>
    private static decimal? Own(ReportRow row, string field)
    {
        var hits = row.Values.Where(kv => F.Parts(kv.Key) is var p && p.Figure == field && (p.Source is null or F.FundsTotal || p.Source == p.Figure))
            .Select(kv => kv.Value).Distinct().ToList();
        return hits.Count == 1 ? hits[0] : null;
    }

    private static decimal Wan(decimal value, string? unit) => MoneyUnit.ToWan(value, unit);

    // ---- the project expenditure tables ----

    private static void AgainstTables(CheckContext ctx, Dictionary<string, Project> projects, CheckBuilder checks)
    {
        var lines = ctx.Tables.Where(t => ProjectTables.Contains(t.Id))
            .SelectMany(t => t.Rows.Where(r => !r.Is(RowMeanings.Total) && !r.Is(F.TotalRow)).Select(r => (Table: t, Row: r)))
            .GroupBy(x => ProjectNames.Key(x.Row.Label)).Where(g => g.Key.Length >= 2).ToDictionary(g => g.Key, g => g.ToList());
        if (lines.Count == 0) return;
        var unmatched = 0;
        foreach (var (key, project) in projects)
        {
            if (!lines.TryGetValue(key, out var hits)) { unmatched++; continue; }
            if (hits.Count != 1)
            {
                checks.Missing(TableRule, CheckStatus.InsufficientData, $"{project.Form.Id} {project.Row.Label}: {hits.Count} lines of the project tables bear its name");
                continue;
            }
            var (table, line) = hits[0];
            foreach (var (formField, measure, name) in Pairs(table))
            {
                var printed = measure is null ? TableMeaning.Amount(table, line) : TableMeaning.Measure(table, line, measure);
                var figure = formField.Select(f => Own(project.Row, f)).FirstOrDefault(v => v is not null);
                if (printed is null) continue;
                if (figure is null)
                {
                    checks.Missing(TableRule, CheckStatus.InsufficientData, $"{project.Form.Id} {project.Row.Label}: the form prints no {name} to compare with {table.Id}'s {printed.Value.Value}");
                    continue;
                }
                var a = Wan(printed.Value.Value, TableMeaning.Role(table, printed.Value.Column).Unit ?? table.Unit);
                var b = Wan(figure.Value, project.Form.Unit);
                checks.Compare(TableRule, a, b, Tolerance.ForPair(a, b),
                    $"{project.Form.Id} p{project.Row.Provenance?.Page} {project.Row.Label}: {name} {b} vs {table.Id} p{line.Provenance?.Page} {line.Label} {a} (万元)",
                    CheckContext.Evidence(project.Form, project.Row), CheckContext.Evidence(table, line));
            }
        }
        if (unmatched > 0)
            checks.Missing(TableRule, CheckStatus.InsufficientData, $"{unmatched} of {projects.Count} projects of the forms named by no line of the project tables");
    }

    /// <summary>
    /// What the table's figures are on the form: a budget's project table prints the project's money for the year
    /// (the form's 资金总额, or its 全年预算数); a self-evaluation's 项目支出情况表 its 全年预算数 and 全年执行数.
    /// </summary>
    private static IEnumerable<(string[] FormFields, string? Measure, string Name)> Pairs(ReportTable table) => table.Id.StartsWith("budget.")
        ? [([F.FundsTotal, F.BudgetYear], null, "资金总额")]
        : [([F.BudgetYear], "perf_funds", "全年预算数"), ([F.Expenditure], "perf_expenditure", "全年执行数")];

    // ---- the text ----

    private static void AgainstText(IReadOnlyList<PageContent> prose, Dictionary<string, Project> projects, CheckBuilder checks)
    {
        foreach (var page in prose)
        {
            var text = PageText.Of(page);
            foreach (Match m in Statement().Matches(text.Text))
            {
                if (!projects.TryGetValue(ProjectNames.Key(m.Groups["name"].Value), out var project)) continue;
                foreach (Match f in Figure().Matches(m.Groups["figures"].Value))
                {
                    var percent = f.Groups["unit"].Value == "%";
                    var (fields, name) = Field(f.Groups["key"].Value);
                    if (fields.Length == 0 || percent != (fields[0] == F.Rate)) continue;
                    var stated = PercentageChecks.Num(f.Groups["v"]);
                    var figure = fields.Select(x => Own(project.Row, x)).FirstOrDefault(v => v is not null);
                    if (figure is null)
                    {
                        checks.Missing(TextRule, CheckStatus.InsufficientData, $"p{page.Number} text states {name} {f.Value} for {project.Row.Label}; {project.Form.Id} prints none");
                        continue;
                    }
                    var said = percent ? stated : Wan(stated, f.Groups["unit"].Value);
                    var form = percent ? figure.Value : Wan(figure.Value, project.Form.Unit);
                    var tolerance = percent ? Math.Max(0.1m, AmountParser.HalfUnit(stated)) : Tolerance.ForPair(said, form);
                    checks.Compare(TextRule, form, said, tolerance,
                        $"p{page.Number} text states {name} {said}{(percent ? "%" : "万元")} for {project.Row.Label}; {project.Form.Id} p{project.Row.Provenance?.Page} prints {form}",
                        new Provenance { Kind = "text", Page = page.Number, Bbox = text.BoxAt(m.Index + m.Groups["figures"].Index + f.Index), Printed = f.Groups["v"].Value },
                        CheckContext.Evidence(project.Form, project.Row));
                }
            }
        }
    }

    /// <summary>The form's fields a stated figure is (年初预算数, 全年预算数 — or a budget form's 资金总额 —, 执行数, 执行率); none for 财政拨款收入 and the like.</summary>
    private static (string[] Fields, string Name) Field(string key) => key switch
    {
        "年初预算" or "年初预算数" => ([F.BudgetInitial], "年初预算数"),
        "全年预算" or "全年预算数" or "预算" or "预算数" or "调整后预算数" => ([F.BudgetYear, F.FundsTotal], "全年预算数"),
        "全年执行数" or "执行数" or "实际支出" or "实际执行" or "支出" => ([F.Expenditure], "全年执行数"),
        "执行率" or "预算执行率" => ([F.Rate], "执行率"),
        _ => ([], key),
    };

    private const string N = @"\d[\d,]*(?:\.\d+)?";
    private const string Keys = "年初预算数|年初预算|全年预算数|全年预算|调整后预算数|预算数|预算|全年执行数|执行数|实际支出|实际执行|财政拨款收入|预算执行率|执行率|支出";

    /// <summary>A clause that names a project and then its figures, each a key word and an amount (or a rate).</summary>
    [GeneratedRegex(@"(?<name>[^。；;，,：:\n]{2,60}?)(?:项目)?[，,]?(?<figures>(?:[，,]?(?:其中:?)?(?:" + Keys + @")(?:为|是|达到|达)?" + N + @"(?:万元|元|%))+)")]
    private static partial Regex Statement();

    [GeneratedRegex(@"(?<key>" + Keys + @")(?:为|是|达到|达)?(?<v>" + N + @")(?<unit>万元|元|%)")]
    private static partial Regex Figure();
}
