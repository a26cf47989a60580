using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Readers.Text;
using Extractor.Recognition.Facts;

namespace Extractor.Recognition.Tests;

/// <summary>
/// Figures a report states in words rather than as a table cell: a cost that was zero or did not occur (the fact is 0,
/// its sentence the printed text), and last year's figure stated by its change (K.prior_year).
/// </summary>
public class StatedInWordsTests
{
    private static List<Fact> FactsOf(string kind, int year, params string[] lines)
    {
        var dir = Directory.CreateTempSubdirectory("stated-in-words").FullName;
        try
        {
            var path = Path.Combine(dir, "report.txt");
            File.WriteAllText(path, string.Join("\n", lines));
            var content = new TextFileReader().Read(path, new ReadLimits());
            var profile = new ReportDocument { Sha256 = content.Sha256, Source = path, MediaType = content.MediaType, Kind = kind, FiscalYear = year };
            return new FactExtractor().Extract(content, profile, [], [], []).ToList();
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void A_cost_stated_as_none_or_zero_is_a_fact_of_zero_with_its_sentence()
    {
        // Shanghai's final-account wording, and the national templates' 未发生 / 为零.
        var facts = FactsOf(DocumentKinds.FinalAccount, 2024,
            "七、财政拨款“三公”经费支出决算情况说明",
            "中共上海市普陀区委社会工作部2024年度无“三公”经费财政拨款支出。",
            "本年度未发生公务接待费。",
            "因公出国（境）费支出为零。");
        var total = facts.Single(f => f.Key == "three_public.total");
        Assert.Equal(0m, total.Value);
        Assert.Equal("text", total.Provenance.Kind);
        Assert.Contains("无“三公”经费财政拨款支出", total.Provenance.Printed);
        Assert.Equal(0m, facts.Single(f => f.Key == "three_public.reception").Value);
        Assert.Equal(0m, facts.Single(f => f.Key == "three_public.overseas").Value);
    }

    [Fact]
    public void A_unit_without_operating_costs_states_them_as_zero()
    {
        var facts = FactsOf(DocumentKinds.Budget, 2026,
            "（二）机关运行经费说明",
            "本部门2026年无机关运行经费。");
        var costs = facts.Single(f => f.Key == "operating_costs");
        Assert.Equal(0m, costs.Value);
        Assert.Contains("无机关运行经费", costs.Provenance.Printed);
        // Last year's, or one that names something beyond them, is not this year's zero.
        Assert.DoesNotContain(FactsOf(DocumentKinds.Budget, 2026, "2025年无机关运行经费。", "本部门无机关运行经费以外的支出。"),
            f => f.Key == "operating_costs");
    }

    [Fact]
    public void A_zero_is_not_read_from_other_years_budgets_or_other_things_that_did_not_happen()
    {
        var facts = FactsOf(DocumentKinds.FinalAccount, 2024,
            "上年度无“三公”经费支出。",                              // last year
            "2024年公务接待费预算为0。",                              // a final account's budget figure
            "全年未发生因社保欠费引起的群体性上访事件。",              // no cost named
            "本单位无公务用车。");                                    // a count of cars, not a cost
        // The budget line is the budget's own fact (three_public.reception.budget, read by TextFactReader); none of
        // these sentences is this year's actual cost.
        Assert.DoesNotContain(facts, f => !f.Key.EndsWith(".budget"));
        Assert.Equal(0m, facts.Single(f => f.Key == "three_public.reception.budget").Value);
    }

    [Fact]
    public void A_printed_figure_wins_over_a_zero_in_words()
    {
        var facts = FactsOf(DocumentKinds.Budget, 2025,
            "2025年“三公”经费预算12.30万元。",
            "本部门未安排“三公”经费以外的会议费。",
            "本部门2025年未安排因公出国（境）费。");
        Assert.Equal(12.30m, facts.Single(f => f.Key == "three_public.total").Value);
        Assert.Equal(0m, facts.Single(f => f.Key == "three_public.overseas").Value);
    }

    [Fact]
    public void Last_years_figure_is_read_from_the_change_stated_after_this_years()
    {
        // Jiangsu budget wording and Shanghai final-account wording.
        var budget = FactsOf(DocumentKinds.Budget, 2018,
            "公务用车运行维护费预算支出266.8万元，比上年预算减少37.6万元，主要原因是公务用车改革。",
            "公务用车购置预算支出0万元，与上年一致。",
            "公务接待费预算支出183.95万元，比2016年预算减少1.77万元。");   // not the year before
        Assert.Equal(304.4m, budget.Single(f => f.Key == "three_public.vehicle_operation.prior_year").Value);
        Assert.Equal(0m, budget.Single(f => f.Key == "three_public.vehicle_purchase.prior_year").Value);
        Assert.DoesNotContain(budget, f => f.Key == "three_public.reception.prior_year");
        var prior = budget.Single(f => f.Key == "three_public.vehicle_operation.prior_year");
        Assert.Equal("266.8万元，比上年预算减少37.6万元", prior.Provenance.Printed!.Replace(",", "，"));

        var final = FactsOf(DocumentKinds.FinalAccount, 2024,
            "机关运行经费支出10.23万元，比2023年度增加10.23万元，增长100.00%。",
            "公务接待费支出1.50万元，比上年预算减少0.50万元。");     // last year's budget: not comparable
        Assert.Equal(0m, final.Single(f => f.Key == "operating_costs.prior_year").Value);
        Assert.DoesNotContain(final, f => f.Key == "three_public.reception.prior_year");
    }
}
