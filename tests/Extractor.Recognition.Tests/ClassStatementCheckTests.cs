using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Pdf.Reading;
using Extractor.Readers.Text;
using Extractor.Recognition.Checks;
using Extractor.TestSupport;

namespace Extractor.Recognition.Tests;

public class ClassStatementCheckTests
{
    private static List<Check> Run(Extractor.Core.Layout.DocumentContent content)
    {
        var checks = new CheckBuilder();
        ClassStatementChecks.Run(content.Pages, false, checks);
        return checks.Build().Where(c => c.Rule == ClassStatementChecks.Rule).ToList();
    }

    [Fact]
    public void Jiangsu_court_budget_states_a_class_change_its_items_do_not_add_up_to()
    {
        // p17: 公共安全(类) +2687.77; p19–20: its six 项 +3070.69 −392.92 +0 +100 −100 +0 = +2677.77 (label finding).
        var checks = Run(new PdfDocumentReader().Read(Corpus.Path("dev", "js-gy-2018-dept-budget.pdf")));
        var fail = Assert.Single(checks, c => c.Status == CheckStatus.Fail);
        Assert.Equal((2677.77m, 2687.77m), (fail.Expected!.Value, fail.Actual!.Value));
        Assert.Equal(17, fail.Evidence.Single().Page);
    }

    [Fact]
    public void Consistent_statements_pass_and_an_incomplete_item_list_is_not_judged()
    {
        var dir = Directory.CreateTempSubdirectory("class-statements").FullName;
        var path = Path.Combine(dir, "report.txt");
        File.WriteAllText(path, string.Join("\n",
            "（二）支出预算总计 500 万元。包括：",
            "1．公共安全（类）支出 300 万元，主要用于人员支出。与上年相比增加 20 万元，增长 7.14%。",
            "2．住房保障（类）支出 200 万元，与上年相比减少 5 万元。",
            "五、财政拨款支出预算情况说明",
            "（一）公共安全（类）",
            "1．法院（款）行政运行（项）支出 250 万元，与上年相比增加 30 万元，增长 13.6%。",
            "2．法院（款）案件审判（项）支出 50 万元，与上年相比减少 10 万元。",
            "（二）住房保障支出（类）",
            "1．住房改革支出（款）住房公积金（项）支出 150 万元，与上年一致。",
            "2．住房改革支出（款）提租补贴（项）支出 40 万元，与上年相比减少 5 万元。",
            "六、其他"));
        var checks = Run(new TextFileReader().Read(path, new ReadLimits()));
        // 公共安全: 250 + 50 = 300, changes +30 − 10 = +20: pass. 住房保障: 150 + 40 ≠ 200, so the list is incomplete: no judgement.
        var check = Assert.Single(checks);
        Assert.Equal((CheckStatus.Pass, 20m, 20m), (check.Status, check.Expected!.Value, check.Actual!.Value));
    }
}

public class TextFactWordingTests
{
    private static Dictionary<string, decimal> Facts(params string[] lines) => FactsOf(DocumentKinds.Budget, lines);

    private static Dictionary<string, decimal> FactsOf(string kind, params string[] lines)
    {
        var dir = Directory.CreateTempSubdirectory("text-facts").FullName;
        var path = Path.Combine(dir, "report.txt");
        File.WriteAllText(path, string.Join("\n", lines));
        var content = new TextFileReader().Read(path, new ReadLimits());
        return Extractor.Recognition.Facts.TextFactReader.Read(content.Pages, kind, 2017, null)
            .GroupBy(s => s.Key).ToDictionary(g => g.Key, g => g.First().Value);
    }

    [Fact]
    public void A_classification_item_named_like_a_three_public_cost_is_not_that_cost()
    {
        // Jiangsu 2017: the economic item 公务接待费(款) is 16万元 of 公用经费; the 三公 reception cost is 443.50万元.
        var facts = Facts("（8）公务接待费（款）支出16万元。用于除专项接待费外的其他按规定开支的公务接待支出。",
            "2017年“三公”经费预算中，公务接待费支出443.50万元。");
        Assert.Equal(443.50m, facts["three_public.reception"]);
    }

    [Fact]
    public void A_procurement_class_is_not_the_procurement_total()
    {
        var facts = Facts("2017年度部门政府采购预算总金额为1,271.22万元。其中，货物类政府采购支出预算259.32万元，服务类政府采购支出预算1,011.90万元。");
        Assert.Equal((1271.22m, 259.32m, 1011.90m), (facts["procurement.total"], facts["procurement.goods"], facts["procurement.services"]));
    }

    [Fact]
    public void A_figure_said_to_equal_last_years_is_this_years_but_a_change_is_no_amount()
    {
        var facts = Facts("2.公务用车购置及运行维护费预算支出156.60万元。其中，公务用车购置费0万元，与上年数一致；公务用车运行维护费156.60万元，与上年数一致。",
            "2017年主要原因是基本支出增加人员经费1408.29万元。");
        Assert.Equal((0m, 156.60m), (facts["three_public.vehicle_purchase"], facts["three_public.vehicle_operation"]));
        Assert.False(facts.ContainsKey("basic.personnel"));
    }

    [Fact]
    public void A_final_accounts_difference_from_the_budget_states_the_budget()
    {
        // The national 决算 wording (Hunan, Yongzhou seeds; Foshan: a unit founded after its budget was set, 预算数为0).
        var facts = FactsOf(DocumentKinds.FinalAccount,
            "2017年度机关运行经费支出42.07万元，比年初预算数增加10.57 万元，增长33.56%。",
            "2017年度公务接待费支出1.50万元，比预算减少5000元。",
            "2017年度“三公”经费支出97.19万元，比预算数增加97.19万元，增长0%。");
        Assert.Equal((42.07m, 31.50m), (facts["operating_costs"], facts["operating_costs.budget"]));
        Assert.Equal((1.50m, 2.00m), (facts["three_public.reception"], facts["three_public.reception.budget"]));
        Assert.Equal(0m, facts["three_public.total.budget"]);
        // Last year's budget is not this year's; a budget document states no 预算数 to compare with.
        Assert.False(FactsOf(DocumentKinds.FinalAccount, "2017年度机关运行经费支出42.07万元，比上年预算增加10.57万元。").ContainsKey("operating_costs.budget"));
        var budget = Facts("2017年度机关运行经费支出42.07万元，比年初预算数增加10.57万元。");
        Assert.Equal(42.07m, Assert.Single(budget).Value);
    }

    [Fact]
    public void A_sentence_speaks_of_its_own_year_not_of_the_year_it_compares_with_nor_of_an_aside()
    {
        // Beijing 2026 budgets: the section opens on the year and compares with last year's; the items follow.
        var facts = Facts("2017年支出预算29956.27万元，比2016年年初预算数28479.84万元增加1476.43万元，增长5.18%。",
            "基本支出预算19170.50万元，占本年支出预算63.99%。",
            "主要原因是2016年支出预算中包含一次性补贴资金结转。",
            "项目支出预算10785.77万元，占本年支出预算36.01%。",
            "上年度部分资金按规定结转至本年度按原用途继续使用。",
            "（一）本年财政拨款收入29569.52万元",
            "1.一般公共预算拨款收入29569.52万元。");
        Assert.Equal((19170.50m, 10785.77m), (facts["expenditure.basic"], facts["expenditure.project"]));
        Assert.Equal((29569.52m, 29569.52m), (facts["income.fiscal_appropriation"], facts["income.general_budget"]));
        // A sentence that goes on from a prior-year one ("其中…") still speaks of that year.
        Assert.False(Facts("2016年一般公共预算支出1000万元。其中，基本支出预算600万元。").ContainsKey("expenditure.basic"));
    }

    [Fact]
    public void A_budgets_whole_收入预算_is_its_grand_total_and_a_zero_needs_no_unit()
    {
        var facts = Facts("2017年度收入预算32852.05万元，比2016年年初预算数增加1000.00万元。", "2017年“三公”经费预算数为0，与2016年预算持平。");
        Assert.Equal((32852.05m, 0m), (facts["grand_total"], facts["three_public.total"]));
        // Parts of the budget are not the whole; in a final account 收入预算 is the budget compared against.
        Assert.False(Facts("其中：财政拨款收入预算1,237万元。").ContainsKey("grand_total"));
        Assert.False(FactsOf(DocumentKinds.FinalAccount, "2017年度收入预算32852.05万元。").ContainsKey("grand_total"));
    }
}
