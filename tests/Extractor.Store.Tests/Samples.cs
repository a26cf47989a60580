using Extractor.Core.Report;

namespace Extractor.Store.Tests;

internal static class Samples
{
    public static Report Report(string sha, string source = "a.pdf", string version = "0.1.0") => new()
    {
        Document = new ReportDocument
        {
            Sha256 = sha, Source = source, MediaType = "application/pdf", Kind = DocumentKinds.FinalAccount,
            Scope = "department", Agency = "中共上海市普陀区委社会工作部", FiscalYear = 2024, Unit = "万元", Pages = 24,
            ExtractorVersion = version,
            Evidence = { ["agency"] = new Evidence("中共上海市普陀区委社会工作部2024年度部门决算", 1) },
        },
        Sections = { new Section { Id = "explanation.three_public", Heading = "七、财政拨款“三公”经费支出决算情况说明", Level = 2, Page = 17, Confidence = 0.97, Text = "…" } },
        Tables =
        {
            new ReportTable
            {
                Id = "final.t02_income", Title = "收入决算表", PageStart = 6, PageEnd = 6, Unit = "万元",
                Columns = ["本年收入合计", "财政拨款收入"],
                Rows =
                {
                    new ReportRow
                    {
                        Code = "2080505", Label = "机关事业单位基本养老保险缴费支出", Level = 3,
                        Values = { ["本年收入合计"] = 6.18m, ["财政拨款收入"] = 6.180m },
                        Provenance = new Provenance { Page = 6, Bbox = [10.5, 20, 300.25, 32] },
                    },
                    new ReportRow { Label = "合计", Values = { ["本年收入合计"] = 123456789012345.678901m } },
                },
            },
        },
        Facts =
        {
            new Fact
            {
                Key = "three_public.total", Value = 1.50m, Unit = "万元",
                Provenance = new Provenance { Kind = "table", Table = "final.t07_three_public", Page = 11, Bbox = [1, 2, 3, 4], Printed = "1.50" },
            },
            new Fact
            {
                Key = "three_public.reception", Value = 0.1m, Unit = "万元",
                Provenance = new Provenance { Kind = "text", Page = 17, Bbox = [5, 6, 7, 8], Printed = "0.1万元", PrintedUnit = "万元" },
            },
        },
        Checks =
        {
            new Check
            {
                Rule = "t01.income_total_equals_expenditure_total", Status = CheckStatus.Pass, Expected = 307.82m, Actual = 307.82m,
                Tolerance = 0.01m, Evidence = { new Provenance { Page = 5, Bbox = [0, 0, 0, 0] } },
            },
        },
    };
}
