using System.Text.Json;
using Extractor.Core.Report;
using Extractor.Pdf.Reading;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Profile;
using Extractor.Recognition.Tables;
using Extractor.Tables.Document;
using Extractor.TestSupport;

namespace Extractor.Recognition.Tests;

/// <summary>
/// corpus/dev labelled PDFs through reader → table engine → mapper → facts → checks, scored as
/// shared/tools/score_labels.py scores them: tables by id and first page, cells by code/label and
/// column, facts within ±0.005 万元 (none wrong), labelled findings reported as failed checks.
/// </summary>
public class DevCorpusTests
{
    private static IEnumerable<string> Ids() => Directory.GetFiles(Corpus.Path("dev"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).Order();

    public static TheoryData<string> Labelled() => new(Ids());

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<(Report, JsonElement)>> Cache = new();

    /// <summary>Every labelled dev report, extracted once for all the tests that read them.</summary>
    internal static IEnumerable<Report> Reports() => Ids().Select(id => Run(id).Report);

    private static (Report Report, JsonElement Label) Run(string id) => Cache.GetOrAdd(id, k => new Lazy<(Report, JsonElement)>(() => Extract(k))).Value;

    private static (Report Report, JsonElement Label) Extract(string id)
    {
        var content = new PdfDocumentReader().Read(Corpus.Path("dev", id + ".pdf"));
        var raw = new DocumentTableExtractor().Extract(content);
        var profile = DocumentProfiler.Profile(content, raw);
        var report = new Report { Document = profile };
        report.Tables.AddRange(new CanonicalTableMapper().Map(content, raw, profile));
        report.Facts.AddRange(new FactExtractor().Extract(content, profile, report.Tables, [], report.Warnings));
        report.Checks.AddRange(new CheckRunner().Run(content, profile, report.Tables, report.Facts, []));
        var label = JsonDocument.Parse(File.ReadAllText(Corpus.Path("dev", id + ".json"))).RootElement;
        return (report, label);
    }

    private static string Norm(string? s) => new string((s ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray())
        .Replace('“', '"').Replace('”', '"').Replace('（', '(').Replace('）', ')');

    [Theory]
    [MemberData(nameof(Labelled))]
    public void TablesAreFoundWithTheirIdAndPage(string id)
    {
        var (report, label) = Run(id);
        foreach (var t in label.GetProperty("tables").EnumerateArray())
        {
            var want = (t.GetProperty("id").GetString()!, t.GetProperty("page_start").GetInt32());
            Assert.Contains(want, report.Tables.Select(o => (o.Id, o.PageStart)));
        }
    }

    [Theory]
    [MemberData(nameof(Labelled))]
    public void LabelledCellsAreRead(string id)
    {
        var (report, label) = Run(id);
        var missed = new List<string>();
        foreach (var t in label.GetProperty("tables").EnumerateArray())
        {
            if (!t.TryGetProperty("rows", out var rows)) continue;
            var candidates = report.Tables.Where(o => o.Id == t.GetProperty("id").GetString()).SelectMany(o => o.Rows).ToList();
            foreach (var row in rows.EnumerateArray())
            {
                var code = row.TryGetProperty("code", out var c) ? c.GetString() : null;
                var side = row.TryGetProperty("side", out var s) ? s.GetString() : null;
                var match = code is not null ? candidates.Where(o => o.Code == code).ToList() : [];
                if (match.Count == 0)
                    match = candidates.Where(o => Norm(o.Label) == Norm(row.GetProperty("label").GetString()) && (side is null || o.Side is null || o.Side == side)).ToList();
                foreach (var cell in row.GetProperty("values").EnumerateObject())
                    if (!match.Any(o => o.Values.Any(kv => Norm(kv.Key) == Norm(cell.Name) && Math.Abs(kv.Value - cell.Value.GetDecimal()) <= 0.005m)))
                        missed.Add($"{t.GetProperty("id").GetString()} {code ?? row.GetProperty("label").GetString()} [{cell.Name}] = {cell.Value}");
            }
        }
        Assert.Empty(missed);
    }

    [Theory]
    [MemberData(nameof(Labelled))]
    public void NoFactIsWrong(string id)
    {
        var (report, label) = Run(id);
        var alternates = label.TryGetProperty("facts_alternates", out var a) ? a : default;
        foreach (var fact in label.GetProperty("facts").EnumerateObject())
        {
            var allowed = new List<decimal> { fact.Value.GetDecimal() };
            if (alternates.ValueKind == JsonValueKind.Object && alternates.TryGetProperty(fact.Name, out var alts))
                allowed.AddRange(alts.EnumerateArray().Select(x => x.GetProperty("value").GetDecimal()));
            foreach (var got in report.Facts.Where(f => f.Key == fact.Name))
                Assert.True(allowed.Any(v => Math.Abs(v - got.Value) <= 0.005m), $"{fact.Name}: labelled {fact.Value}, extracted {got.Value}");
        }
    }

    [Fact]
    public void AtLeast98PercentOfLabelledFactsAreFound()
    {
        int total = 0, found = 0;
        foreach (var id in Ids())
        {
            var (report, label) = Run(id);
            foreach (var fact in label.GetProperty("facts").EnumerateObject())
            {
                total++;
                if (report.Facts.Any(f => f.Key == fact.Name && Math.Abs(f.Value - fact.Value.GetDecimal()) <= 0.005m)) found++;
            }
        }
        Assert.True(found >= 0.98 * total, $"{found}/{total} facts");
    }

    [Theory]
    [InlineData("sh-putuo-sifaju-2026-budget", 3)]
    [InlineData("hn-changsha-gzw-2020-perfeval", 3)]
    [InlineData("js-gy-2018-dept-budget", 2)]
    [InlineData("sh-putuo-shegongbu-2024-final", 0)]
    [InlineData("gd-foshan-gdjtj-2019-final", 0)]
    [InlineData("cq-swu-2023-final", 0)]
    public void LabelledFindingsFailAndNothingElseDoes(string id, int findingsFound)
    {
        var (report, label) = Run(id);
        var fails = report.Checks.Where(c => c.Status == CheckStatus.Fail).ToList();
        var findings = label.TryGetProperty("findings", out var f) ? f.EnumerateArray().Where(x => x.GetProperty("kind").GetString() != "other").ToList() : [];
        bool Close(decimal? a, JsonElement b) => a is not null && b.ValueKind == JsonValueKind.Number
            && new[] { 1m, 10000m, 0.0001m }.Any(k => Math.Abs(a.Value * k - b.GetDecimal()) <= 0.011m);
        bool Matches(JsonElement x, Check c) =>
            Close(c.Expected, x.GetProperty("expected")) && Close(c.Actual, x.GetProperty("printed")) ||
            Close(c.Expected, x.GetProperty("printed")) && Close(c.Actual, x.GetProperty("expected"));
        Assert.Equal(findingsFound, findings.Count(x => fails.Any(c => Matches(x, c))));
        Assert.All(fails, c => Assert.Contains(findings, x => Matches(x, c)));
    }
}

/// <summary>A corpus PDF through reader, table engine, profile and canonical mapping.</summary>
internal static class MappedPdf
{
    public static (Extractor.Core.Layout.DocumentContent Content, ReportDocument Profile, List<ReportTable> Tables) Read(params string[] path)
    {
        var content = new PdfDocumentReader().Read(Corpus.Path(path));
        var raw = new DocumentTableExtractor().Extract(content);
        var profile = DocumentProfiler.Profile(content, raw);
        return (content, profile, new CanonicalTableMapper().Map(content, raw, profile).ToList());
    }
}

public class SummaryTableCheckTests
{
    [Fact]
    public void A_summary_table_without_subtotals_has_its_items_checked_against_the_grand_totals()
    {
        // Shanghai's budget t01 prints 一、…四、 on each side and 收入总计 / 支出总计, no 合计 and no 结转 lines.
        var (content, profile, tables) = MappedPdf.Read("dev", "sh-putuo-sifaju-2026-budget.pdf");
        var checks = new CheckRunner().Run(content, profile, tables, [], []);
        foreach (var rule in new[] { "budget.t01.income_total_equals_income_rows", "budget.t01.expenditure_total_equals_expenditure_rows" })
        {
            var check = Assert.Single(checks, c => c.Rule == rule);
            Assert.Equal((CheckStatus.Pass, 96282213.44m), (check.Status, check.Actual!.Value));
        }
        Assert.DoesNotContain(checks, c => c.Rule == "budget.t01.income_grand_total");
    }
}

public class TableCaptionTests
{
    [Fact]
    public void Titles_far_above_a_large_header_wrapped_or_left_on_the_previous_page_still_name_their_tables()
    {
        // Jiangsu 2017 (an Excel export printed page by page): p17's title stands 39 pt above its 17 pt header, p19's
        // title was printed at the foot of p18, and p20's wraps with only "表" on its second line.
        var (_, _, tables) = MappedPdf.Read("extra", "js-rdcwh-2017-dept-budget.pdf");
        string? Id(int page) => tables.FirstOrDefault(t => t.PageStart == page)?.Id;
        Assert.Equal("budget.t08_general_budget_basic_economic", Id(17));
        Assert.Equal("budget.x_operating_costs", Id(19));
        Assert.Equal("“三公”经费、会议费、培训费支出预算表", tables.First(t => t.PageStart == 20).Title);
    }
}

public class GrandTotalCheckTests
{
    private static ReportRow Row(string label, decimal? value) =>
        new() { Label = label, Side = "expenditure", Values = value is { } v ? new() { ["预算数"] = v } : [] };

    [Fact]
    public void A_carry_over_line_repeated_once_per_label_column_counts_once()
    {
        // Shaanxi prints the expenditure side as three label columns; flattened, each line comes three times.
        var rows = new List<ReportRow>();
        foreach (var label in new[] { "一、部门预算", "本年支出合计", "结转下年", "支出总计" })
            for (var column = 0; column < 3; column++)
                rows.Add(Row(label, label switch { "本年支出合计" => 3643.37m, "结转下年" => 52.54m, "支出总计" => 3695.91m, _ => null }));
        var table = Extractor.Recognition.Meaning.TableMeaning.Assign(new ReportTable { Id = TableIds.BudgetSummary, Columns = ["预算数"], Rows = rows }, 2019);
        var checks = new CheckBuilder();
        SummaryTableChecks.Run(new CheckContext([table], false), checks);
        var check = Assert.Single(checks.Build(), c => c.Rule == "budget.t01.expenditure_grand_total");
        Assert.Equal(CheckStatus.Pass, check.Status);
    }
}
