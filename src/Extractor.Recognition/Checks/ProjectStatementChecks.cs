using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Self-evaluations restate each project of their 项目支出情况表 in words: "困难企业特困救助、职工帮扶资金预算3,087万元，
/// 实际支出2,614.42万元". The row is found by its budget figure and a name sharing most of its letters
/// (the text often words it longer); its spending must equal the table's.
/// </summary>
public static partial class ProjectStatementChecks
{
    public static void Run(IReadOnlyList<PageContent> pages, IReadOnlyList<ReportTable> tables, CheckBuilder checks)
    {
        var rows = tables.Where(t => t.Id == "perf.x_project_expenditure").SelectMany(t => t.Rows.Select(r => (Table: t, Row: r))).ToList();
        if (rows.Count == 0) return;
        foreach (var page in pages)
        {
            var text = PageText.Of(page);
            foreach (Match m in Statement().Matches(text.Text))
            {
                var budget = PercentageChecks.Num(m.Groups["a"]);
                var spent = PercentageChecks.Num(m.Groups["b"]);
                var name = m.Groups["name"].Value;
                var hits = rows.Where(x => Funds(x.Table, x.Row) == budget && Similar(x.Row.Label, name)).ToList();
                if (hits.Count != 1) continue;
                var (table, row) = hits[0];
                if (TableMeaning.Measure(table, row, "perf_expenditure") is not { } printed) continue;
                checks.Compare("text_vs_table.project", printed.Value, spent, 0.01m,
                    $"p{page.Number} text states {spent}万元 spent on {row.Label}; {table.Id} prints {printed.Value}",
                    new Provenance { Kind = "text", Page = page.Number, Bbox = text.BoxAt(m.Index), Printed = m.Groups["b"].Value }, CheckContext.Evidence(table, row));
            }
        }
    }

    private static decimal? Funds(ReportTable t, ReportRow r) => TableMeaning.Measure(t, r, "perf_funds")?.Value ?? TableMeaning.Measure(t, r, "perf_funds_received")?.Value;

    /// <summary>Most letters of the row's name appear in the text's wording of it.</summary>
    private static bool Similar(string label, string text)
    {
        var l = TextNormalizer.Compact(label).Where(char.IsLetter).ToList();
        return l.Count > 0 && l.Count(text.Contains) >= 0.8 * l.Count;
    }

    private const string N = @"\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"(?<name>[^。;；,，:：\n]{2,40}?)(?:项目)?预算(?<a>" + N + @")万元[,，]实际(?:支出|执行)(?<b>" + N + ")万元")]
    private static partial Regex Statement();
}
