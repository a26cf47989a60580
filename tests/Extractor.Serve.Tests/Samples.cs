using Extractor.Core.Report;
using Extractor.Store;

namespace Extractor.Serve.Tests;

/// <summary>Small synthetic stores: a few agencies over two years, with facts, a table and a failed check.</summary>
internal static class Samples
{
    public static Report Report(string sha, string agency, int year, string kind, params (string Key, decimal Value)[] facts) => new()
    {
        Document = new ReportDocument
        {
            Sha256 = sha, Source = $"{sha}.pdf", MediaType = "application/pdf", Kind = kind, Scope = "department",
            Agency = agency, FiscalYear = year, Unit = "万元", Pages = 3,
        },
        Sections = { new Section { Id = "explanation.three_public", Heading = "七、“三公”经费支出决算情况说明", Level = 2, Page = 2, Confidence = 0.9, Text = "…" } },
        Tables =
        {
            new ReportTable
            {
                Id = "final.t07_three_public", Title = "财政拨款“三公”经费支出决算表", PageStart = 2, PageEnd = 2, Unit = "万元",
                Columns = ["预算数", "决算数"],
                Rows =
                {
                    new ReportRow
                    {
                        Label = "合计", Values = { ["预算数"] = 2.00m, ["决算数"] = facts.Length > 0 ? facts[0].Value : 0m },
                        Provenance = new Provenance { Page = 2, Bbox = [100, 500, 400, 515] },
                    },
                    new ReportRow { Code = "2010101", Label = "行政运行", Level = 3, Values = { ["决算数"] = 0.000001m } },
                },
            },
        },
        Facts = facts.Select(f => new Fact
        {
            Key = f.Key, Value = f.Value, Unit = "万元",
            Provenance = new Provenance { Kind = "table", Table = "final.t07_three_public", Page = 2, Bbox = [300, 500, 400, 515], Printed = f.Value.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        }).ToList(),
        Checks =
        {
            new Check { Rule = "t07.total_equals_parts", Status = CheckStatus.Fail, Expected = 1.50m, Actual = 1.40m, Tolerance = 0.01m,
                Evidence = { new Provenance { Page = 2, Bbox = [300, 500, 400, 515] } } },
            new Check { Rule = "t01.income_total_equals_expenditure_total", Status = CheckStatus.Pass, Expected = 3m, Actual = 3m },
        },
    };

    public static string Sha(int i) => i.ToString("x64");

    /// <summary>A: 2023 and 2024 final accounts (1.50 → 1.20); B: 2024 final quoting its 上年数; C: 2024 budget (no prior);
    /// D: 2024 final whose 2023 document is a budget (not compared).</summary>
    public static void Fill(ExtractorStore store)
    {
        var origin = (string sha) => new DocumentOrigin($"{sha}.pdf");
        store.SaveReport(Sha(1), origin(Sha(1)), Report(Sha(1), "上海市普陀区司法局", 2023, DocumentKinds.FinalAccount, ("three_public.total", 1.50m)));
        store.SaveReport(Sha(2), origin(Sha(2)), Report(Sha(2), "上海市普陀区司法局", 2024, DocumentKinds.FinalAccount, ("three_public.total", 1.20m)));
        store.SaveReport(Sha(3), origin(Sha(3)), Report(Sha(3), "佛山市轨道交通局", 2024, DocumentKinds.FinalAccount,
            ("three_public.total", 0.16m), ("three_public.total.prior_year", 0.20m)));
        store.SaveReport(Sha(4), origin(Sha(4)), Report(Sha(4), "江苏省高级人民法院", 2024, DocumentKinds.Budget, ("three_public.total", 620.75m)));
        store.SaveReport(Sha(5), origin(Sha(5)), Report(Sha(5), "西南大学", 2023, DocumentKinds.Budget, ("three_public.total", 10m)));
        store.SaveReport(Sha(6), origin(Sha(6)), Report(Sha(6), "西南大学", 2024, DocumentKinds.FinalAccount, ("three_public.total", 12.345678m)));
        store.SaveFailure(Sha(7), new DocumentOrigin("broken.pdf"), "truncated", "file ends before its cross-reference table", "0.1.0");
    }
}
