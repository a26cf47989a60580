using Dapper;
using Extractor.Core.Report;
using Extractor.Store.Queries;

namespace Extractor.Store.Tests;

/// <summary>A performance form's words are stored and exported beside its figures, each with where it is printed.</summary>
public class FormCellTests
{
    private const string Sha = "aa00000000000000000000000000000000000000000000000000000000000016";

    [Fact]
    public void A_forms_text_cells_roles_and_cell_boxes_are_stored_and_exported()
    {
        using var tmp = new TempDir();
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        var report = Samples.Report(Sha);
        report.Tables.Add(new ReportTable
        {
            Id = "budget.x_project_performance_targets", Title = "信息化运行维护绩效目标表", PageStart = 30, PageEnd = 30, Unit = "万元",
            Columns = ["分值", "一级指标", "指标值", "target_comparison"],
            Rows =
            {
                new ReportRow
                {
                    Label = "设备完好率", Roles = ["indicator"], Values = { ["分值"] = 8m },
                    Texts = new() { ["一级指标"] = "产出指标", ["指标值"] = "≥96%", ["target_comparison"] = "≥" },
                    Cells = new() { ["分值"] = new Provenance { Page = 30, Bbox = [500, 300, 520, 312] }, ["指标值"] = new Provenance { Page = 30, Bbox = [400, 300, 450, 312] } },
                    Provenance = new Provenance { Page = 30, Bbox = [80, 300, 520, 312] },
                },
            },
        });
        store.SaveReport(Sha, new DocumentOrigin("a.pdf"), report);

        var texts = ExportQueries.Tables.Single(t => t.Name == "text_cells");
        var rows = store.Connection.Query(texts.Sql).Select(r => (IDictionary<string, object>)r).ToList();
        Assert.Equal(3, rows.Count);
        var target = rows.Single(r => (string)r["column_name"] == "指标值");
        Assert.Equal(("≥96%", "[\"indicator\"]", "[400,300,450,312]", 30L), ((string)target["text"], (string)target["roles"], (string)target["cell_bbox"], (long)target["page"]));
        Assert.Equal("[500,300,520,312]", store.Connection.ExecuteScalar<string>("SELECT bbox FROM cells WHERE column_name = '分值'"));
    }
}
