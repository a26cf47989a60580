using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Checks;

/// <summary>
/// Budget explanations walk through each 项: "公共安全支出(204类)司法(06款)行政运行(01项)1672.67万元 … 2025年当年
/// 预算执行数为1690.69万元，2026年预算安排1672.67万元，比2025年预算执行数减少1.07%". The heading's and the
/// paragraph's figures must equal the table row with that code, and the stated change is recomputed from
/// the table's figure (so a mistyped figure in the sentence does not hide or fake a percentage error).
/// </summary>
public static partial class ItemStatementChecks
{
    private static readonly string[] CodedTables =
    [
        TableIds.BudgetGeneralFunctional, TableIds.BudgetExpenditure, "budget.x_fiscal_expenditure",
        TableIds.FinalGeneralBudget, TableIds.FinalExpenditure, "final.x_fiscal_expenditure",
    ];

    public static void Run(IReadOnlyList<PageContent> pages, IReadOnlyList<ReportTable> tables, CheckBuilder checks)
    {
        foreach (var page in pages)
        {
            var text = PageText.Of(page);
            var headings = Heading().Matches(text.Text).ToList();
            for (var i = 0; i < headings.Count; i++)
            {
                var h = headings[i];
                var code = h.Groups["l"].Value + h.Groups["k"].Value + h.Groups["x"].Value;
                var (table, row, value) = TableValue(tables, code);
                var end = i + 1 < headings.Count ? headings[i + 1].Index : text.Text.Length;
                var paragraph = text.Text[h.Index..end];
                var evidence = row is null ? null : CheckContext.Evidence(table!, row);
                if (value is { } tv)
                {
                    Stated(checks, code, PercentageChecks.Num(h.Groups["v"]), tv, page, text, h.Index, evidence);
                    foreach (Match a in Arranged().Matches(paragraph))
                        Stated(checks, code, PercentageChecks.Num(a.Groups["v"]), tv, page, text, h.Index + a.Index, evidence);
                }
                foreach (Match m in AgainstExecution().Matches(paragraph))
                {
                    var prior = PercentageChecks.Num(m.Groups["a"]);
                    if (prior == 0) continue;
                    var stated = PercentageChecks.Num(m.Groups["y"]);
                    var signed = m.Groups["dir"].Value is "减少" or "下降" ? -stated : stated;
                    // The writer may have used the sentence's own (rounded or mistyped) figure or the table's: either will do.
                    var fromText = Math.Round((PercentageChecks.Num(m.Groups["b"]) - prior) / prior * 100, 2);
                    var fromTable = value is { } v ? Math.Round((v - prior) / prior * 100, 2) : fromText;
                    var tolerance = Math.Max(0.1m, AmountParser.HalfUnit(stated));
                    var expected = Math.Abs(fromText - signed) <= tolerance ? fromText : fromTable;
                    checks.Compare("text.change_rate", expected, signed, tolerance,
                        $"p{page.Number} {code}: stated {signed}% vs ({value ?? PercentageChecks.Num(m.Groups["b"])}-{prior})/{prior}",
                        new Provenance { Kind = "text", Page = page.Number, Bbox = text.BoxAt(h.Index + m.Index), Printed = m.Groups["y"].Value + "%" }, evidence);
                }
            }
        }
    }

    private static void Stated(CheckBuilder checks, string code, decimal printed, decimal table, PageContent page, PageText text, int at, Provenance? evidence) =>
        checks.Compare("text_vs_table.item", table, printed, Math.Max(0.01m, AmountParser.HalfUnit(printed)),
            $"p{page.Number} text states {printed}万元 for {code}; table prints {table}",
            new Provenance { Kind = "text", Page = page.Number, Bbox = text.BoxAt(at), Printed = printed.ToString() }, evidence);

    /// <summary>The item's 合计 in 万元 from the first table listing its code.</summary>
    private static (ReportTable? Table, ReportRow? Row, decimal? Value) TableValue(IReadOnlyList<ReportTable> tables, string code)
    {
        foreach (var id in CodedTables)
            foreach (var t in tables.Where(t => t.Id == id))
            {
                var row = t.Rows.FirstOrDefault(r => r.Code == code && r.Values.Count > 0);
                if (row is not null && Meaning.TableMeaning.Amount(t, row) is { } amount) return (t, row, MoneyUnit.ToWan(amount.Value, t.Unit));
            }
        return (null, null, null);
    }

    private const string N = @"\d[\d,]*(?:\.\d+)?";

    [GeneratedRegex(@"\((?<l>\d{3})类\)[^()。]{0,30}?\((?<k>\d{2})款\)[^()。]{0,40}?\((?<x>\d{2})项\)(?<v>" + N + ")万元")]
    private static partial Regex Heading();

    [GeneratedRegex(@"(?<!执行数为)(?:20\d\d年)?预算安排(?<v>" + N + ")万元")]
    private static partial Regex Arranged();

    [GeneratedRegex(@"执行数为(?<a>" + N + @")万元[,，]?(?:20\d\d年)?预算安排(?<b>" + N + @")万元[,，]比(?:20\d\d年)?(?:预算)?执行数(?<dir>增加|减少)(?<y>" + N + ")%")]
    private static partial Regex AgainstExecution();
}
