using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Readers.Text;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;

namespace Extractor.Recognition.Tests;

/// <summary>
/// A performance form's money against the rest of its report: the project's line in the report's project table and
/// the prose that states its figures (ProjectFormChecks), and a final account's 部门整体支出绩效自评表 against its
/// t01/t03/t04 (DepartmentSelfEvaluationChecks). Real: a Hunan special-fund self-evaluation (seeds/004), whose prose
/// restates each of its six projects' 支出 and 执行率. Built: the failing and missing cases the corpus does not print.
/// </summary>
public class ProjectFormCheckTests
{
    private sealed record Extracted(List<ReportTable> Tables, List<Fact> Facts, List<Check> Checks)
    {
        public Check Rule(string rule) => Assert.Single(Checks, c => c.Rule == rule);
        public List<Check> Failed(string rule) => Checks.Where(c => c.Rule == rule && c.Status == CheckStatus.Fail).ToList();
    }

    private static Extracted Text(string text, string kind, int year)
    {
        var path = Path.Combine(Path.GetTempPath(), $"perf-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try
        {
            var content = new TextFileReader().Read(path, new ReadLimits());
            var profile = new ReportDocument { Sha256 = content.Sha256, Source = content.Source, MediaType = content.MediaType, Kind = kind, FiscalYear = year };
            var tables = new CanonicalTableMapper().Map(content, content.NativeTables, profile).ToList();
            var facts = new FactExtractor().Extract(content, profile, tables, [], []).ToList();
            return new Extracted(tables, facts, new CheckRunner().Run(content, profile, tables, facts, []).ToList());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Hunan_special_fund_forms_agree_with_what_the_text_states_of_each_project()
    {
        // "（1）大病互助保险管理经费财政拨款收入15.00万元，支出15.00万元，执行率为100.00%。" for each of six projects, each
        // with its own 专项资金绩效目标自评表 (专项资金名称 | 大病互助保险管理经费; 执行率(B/A)).
        var r = SeedReport.Of("004_c02e9390b728df0a.txt", DocumentKinds.PerformanceEvaluation, 2022);
        var projects = r.Tables.Where(t => t.Id == "perf.x_self_evaluation").SelectMany(t => t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow))).ToList();
        Assert.Equal(6, projects.Count);
        Assert.Equal("大病互助保险管理经费", projects[0].Label);
        Assert.Equal(100.00m, projects[0].Values["年度资金总额/执行率(B/A)"]);
        var text = Assert.Single(r.Checks, c => c.Rule == ProjectFormChecks.TextRule);
        Assert.Equal(CheckStatus.Pass, text.Status);
        Assert.Contains("and 23 more", text.Message); // 支出 and 执行率 of each of six projects, each stated twice
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.execution_rate").Status);
        // Six projects' forms make no one figure for the report: the text's 152.00万元 is not compared with the first form's 15.00.
        Assert.DoesNotContain(r.Facts, f => f.Key == FactKeys.PerfFunds && f.Provenance.Kind == "table");
        Assert.DoesNotContain(r.Checks, c => c.Rule.StartsWith("text_vs_table.perf") && c.Status == CheckStatus.Fail);
    }

    private static string TargetForm(string title, string name, string total, string fiscal) => $"""
        {title}
        项目名称		{name}			
        主管部门及代码		[292]某某局	实施单位	某某局本级	
        项目资金(万元)		年度资金总额:		{total}	
        		其中:财政拨款		{fiscal}	
        		上年结转		0.00	
        		其他资金		-	
        年度总体目标	做好工作。				
        绩效指标	一级指标	二级指标	三级指标	指标值	分值(90)
        	产出指标	数量指标	办理事项	≥3次	6

        """;

    private const string ProjectTable = """
        某某局2026年部门预算

        项目支出预算表
        单位：元
        项目名称	合计	财政拨款	其他资金
        11000022T0000004602 1-信息化运行维护	21348700.00	21348700.00	0.00
        信访业务培训	1100100.00	1100100.00	0.00
        来访接待	500000.00	500000.00	0.00
        来访接待	300000.00	300000.00	0.00
        合计	23248800.00	23248800.00	0.00

        """;

    [Fact]
    public void A_projects_money_is_compared_with_the_project_table_line_of_the_same_name_in_its_own_unit()
    {
        // The table in 元, the forms in 万元 (项目资金(万元)); names printed with a code and list number, or with 项目 after them.
        var r = Text(ProjectTable
                     + TargetForm("1.信息化运行维护绩效目标表", "信息化运行维护", "2,134.87", "2,134.87")
                     + TargetForm("2.信访业务培训项目绩效目标表", "信访业务培训项目", "118.01", "118.01"), DocumentKinds.Budget, 2026);
        Assert.All(r.Tables.Where(t => t.Id == "budget.x_project_performance_targets"), t => Assert.Equal("万元", t.Unit));
        // 信访业务培训: 118.01 on its form, 110.01 in the table (planted).
        var failed = Assert.Single(r.Failed(ProjectFormChecks.TableRule));
        Assert.Equal((110.01m, 118.01m), (failed.Expected, failed.Actual));
        Assert.Contains("信访业务培训项目", failed.Message);
        Assert.Equal(2, failed.Evidence.Count);
        // Planted error mended: 信息化运行维护 (2134.87万元 = 21,348,700元) and 信访业务培训 agree.
        var mended = Text(ProjectTable.Replace("1100100.00", "1180100.00")
                          + TargetForm("1.信息化运行维护绩效目标表", "信息化运行维护", "2,134.87", "2,134.87")
                          + TargetForm("2.信访业务培训项目绩效目标表", "信访业务培训项目", "118.01", "118.01"), DocumentKinds.Budget, 2026);
        var pass = mended.Rule(ProjectFormChecks.TableRule);
        Assert.Equal(CheckStatus.Pass, pass.Status);
        Assert.Contains("and 1 more", pass.Message);
    }

    [Fact]
    public void A_name_on_two_lines_of_the_project_table_or_on_none_is_insufficient_data()
    {
        // 来访接待 is printed on two lines of the table, 网络安全 on none: neither is compared with a guess.
        var r = Text(ProjectTable + TargetForm("来访接待绩效目标表", "来访接待", "80.00", "80.00") + TargetForm("网络安全绩效目标表", "网络安全", "20.00", "20.00"),
            DocumentKinds.Budget, 2026);
        var checks = r.Checks.Where(c => c.Rule == ProjectFormChecks.TableRule).ToList();
        Assert.All(checks, c => Assert.Equal(CheckStatus.InsufficientData, c.Status));
        Assert.Contains(checks, c => c.Message.Contains("来访接待") && c.Message.Contains("2 lines"));
        Assert.Contains(checks, c => c.Message.Contains("1 of 2 projects"));
    }

    [Fact]
    public void Without_a_project_table_no_project_is_compared()
    {
        var r = Text(TargetForm("信息化运行维护绩效目标表", "信息化运行维护", "2,134.87", "2,134.87"), DocumentKinds.Budget, 2026);
        Assert.DoesNotContain(r.Checks, c => c.Rule == ProjectFormChecks.TableRule);
    }

    private const string SelfEvaluation = """
        一、项目基本情况
        城乡居民医保配套资金项目，年初预算数200.00万元，全年预算数2,500,000元，全年执行数240.00万元，执行率为92.00%。
        大病保险经费预算50.00万元，实际支出50.00万元。

        项目支出绩效自评表
        项目名称	城乡居民医保配套资金							
        主管部门	某某医疗保障局			实施单位	某某医疗保障事务中心			
        项目资金(万元)		年初预算数	全年预算数	全年执行数	分值	执行率	得分	
        	年度资金总额	200.00	250.00	230.00	10	92.00%	9.2	
        	其中:当年财政拨款	200.00	240.00	220.00				
        	上年结转资金	0.00	10.00	10.00				
        	其他资金	0.00	0.00	0.00				
        年度总体目标	预期目标			实际完成情况				
        	保障城乡居民参保。			参保率达到目标。				
        绩效指标	一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        	产出指标	数量指标	参保人数	≥47万人	47万人	90	90	
        总分						100	99.2	
        """;

    [Fact]
    public void The_texts_figures_for_a_project_are_compared_with_its_form_and_a_project_without_a_form_is_not()
    {
        var r = Text(SelfEvaluation, DocumentKinds.PerformanceEvaluation, 2024);
        // 全年执行数 240.00 stated, 230.00 on the form (planted); 年初预算数, 全年预算数 (in 元) and 执行率 agree.
        var failed = Assert.Single(r.Failed(ProjectFormChecks.TextRule));
        Assert.Equal((230.00m, 240.00m), (failed.Expected, failed.Actual));
        Assert.Equal("text", failed.Evidence[0].Kind);
        Assert.DoesNotContain(r.Checks, c => c.Rule == ProjectFormChecks.TextRule && c.Message.Contains("大病保险"));
        var passed = r.Checks.Where(c => c.Rule == ProjectFormChecks.TextRule && c.Status == CheckStatus.Pass).ToList();
        Assert.Empty(passed); // a rule with a failure reports the failure only
        var fixedText = Text(SelfEvaluation.Replace("全年执行数240.00万元", "全年执行数230.00万元"), DocumentKinds.PerformanceEvaluation, 2024);
        var pass = Assert.Single(fixedText.Checks, c => c.Rule == ProjectFormChecks.TextRule);
        Assert.Equal(CheckStatus.Pass, pass.Status);
        Assert.Contains("and 3 more", pass.Message);
    }

    private const string FinalAccount = """
        某某局2024年度部门决算

        收入支出决算总表
        单位：万元
        收入	决算数	支出	决算数
        一、一般公共预算财政拨款收入	1800.00	一、一般公共服务支出	1700.00
        二、其他收入	100.00	二、社会保障和就业支出	200.00
        本年收入合计	1900.00	本年支出合计	1900.00
        年初结转和结余	0.00	年末结转和结余	0.00
        总计	1900.00	总计	1900.00

        支出决算表
        单位：万元
        科目编码	科目名称	本年支出合计	基本支出	项目支出
        	合计	1900.00	1500.00	400.00
        201	一般公共服务支出	1700.00	1300.00	400.00
        208	社会保障和就业支出	200.00	200.00	0.00

        """;

    private const string FiscalSummary = """
        财政拨款收入支出决算总表
        单位：万元
        收入	决算数	支出	决算数
        一、一般公共预算财政拨款	1800.00	一、一般公共服务支出	1600.00
        		二、社会保障和就业支出	200.00
        本年收入合计	1800.00	本年支出合计	1800.00
        总计	1800.00	总计	1800.00

        """;

    private const string DepartmentSelfEvaluation = """
        部门整体支出绩效自评表
        部门(单位)名称	某某局							
        年度部门整体支出预算(万元)		年初预算数	全年预算数	全年执行数	分值	执行率	得分	
        	年度资金总额	1850.00	1950.00	1900.00	10	97.44%	9.7	
        	其中:财政拨款	1750.00	1850.00	1800.00				
        	其他资金	100.00	100.00	100.00				
        	基本支出	1500.00	1500.00	1500.00				
        	项目支出	350.00	450.00	410.00				
        年度总体目标	预期目标			实际完成情况				
        	做好各项工作。			完成各项工作。				
        绩效指标	一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        	产出指标	数量指标	办理事项	≥100件	120件	50	50	
        	满意度指标	服务对象满意度指标	服务对象满意度	≥90%	95%	40	40	
        总分						100	99.7	
        """;

    [Fact]
    public void A_final_accounts_department_self_evaluation_agrees_with_its_t01_t03_and_t04()
    {
        var r = Text(FinalAccount + FiscalSummary + DepartmentSelfEvaluation, DocumentKinds.FinalAccount, 2024);
        var form = Assert.Single(r.Tables, t => t.Id == DepartmentSelfEvaluationChecks.Id);
        var line = Assert.Single(form.Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal(("某某局", 410.00m, 1500.00m), (line.Label, line.Values["项目支出/全年执行数"], line.Values["基本支出/全年执行数"]));
        Assert.Equal(CheckStatus.Pass, r.Rule("perf.department_expenditure_equals_t01_expenditure_total").Status);
        Assert.Equal(CheckStatus.Pass, r.Rule("perf.department_fiscal_expenditure_equals_t04_total").Status);
        Assert.Equal(CheckStatus.Pass, r.Rule("perf.department_basic_expenditure_equals_t03").Status);
        // 项目支出 410.00 on the form, 400.00 in t03 (planted).
        var project = r.Rule("perf.department_project_expenditure_equals_t03");
        Assert.Equal((CheckStatus.Fail, 400.00m, 410.00m), (project.Status, project.Expected, project.Actual));
    }

    [Fact]
    public void A_final_account_without_its_fiscal_summary_leaves_that_comparison_insufficient()
    {
        var r = Text(FinalAccount + DepartmentSelfEvaluation, DocumentKinds.FinalAccount, 2024);
        Assert.Equal(CheckStatus.InsufficientData, r.Rule("perf.department_fiscal_expenditure_equals_t04_total").Status);
        Assert.Equal(CheckStatus.Pass, r.Rule("perf.department_expenditure_equals_t01_expenditure_total").Status);
    }

    private static (List<ReportTable> Tables, List<Check> Checks) ShanghaiPages(string file)
    {
        var content = new Extractor.Pdf.Reading.PdfDocumentReader().Read(Extractor.TestSupport.Corpus.Path("extra", file));
        var raw = new Extractor.Tables.Document.DocumentTableExtractor().Extract(content);
        var profile = new ReportDocument { Sha256 = content.Sha256, Source = content.Source, MediaType = content.MediaType, Kind = DocumentKinds.Budget, FiscalYear = 2023, Unit = "万元" };
        var tables = new CanonicalTableMapper().Map(content, raw, profile).ToList();
        return (tables, new CheckRunner().Run(content, profile, tables, [], []).ToList());
    }

    [Fact]
    public void Shanghai_form_adds_up_the_projects_whole_money_and_the_years_each_under_its_own_total_and_reads_its_indicator_grid()
    {
        // A Putuo street office's budget (its 项目经费情况说明 and 绩效目标填报表 pages): 项目资金(元) | 项目资金总额 4,100,000.00
        // (其中:财政资金, 其他资金) beside 年度资金申请总额 4,100,000.00 (其中:当年财政拨款, 上年结转资金, 其他资金) on the same
        // lines. Read as in 元 (its own label), not in the 万元 of the report; each source named after the total printed
        // over its band of columns and added up against that total only (summed against one total: 4,100,000 vs
        // 8,200,000, a false failure); its indicators under 一级/二级/三级指标 | 年度(/项目)指标值, each with its target.
        var (tables, checks) = ShanghaiPages("sh-putuo-wanlijd-2023-budget-perf-pages.pdf");
        var form = Assert.Single(tables, t => TableFamilies.IsForm(t.Id));
        Assert.Equal("元", form.Unit);
        var project = Assert.Single(form.Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal(("新建万里街道社区公共服务中心", 4100000.00m, 4100000.00m, 4100000.00m, 4100000.00m, 0m),
            (project.Label, project.Values["项目资金总额"], project.Values["项目资金总额/财政资金"], project.Values["年度资金申请总额"],
             project.Values["年度资金申请总额/当年财政拨款"], project.Values["年度资金申请总额/上年结转资金"]));
        Assert.StartsWith("建成后作为万里街道社区事务受理", project.Texts!["年度总体目标"]);
        Assert.StartsWith("建成后作为万里街道社区事务受理", project.Texts!["项目总目标"]);
        var funds = checks.Where(c => c.Rule == "perf.funds_total_equals_sources").ToList();
        Assert.Equal([CheckStatus.Pass], funds.Select(c => c.Status).Distinct());
        Assert.DoesNotContain(checks, c => c.Rule.StartsWith("perf.") && c.Status == CheckStatus.Fail);
        var indicators = form.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(["规划建筑面积", "完工及时率", "预算内经费", "完善社区基础设施建设", "居民满意度"], indicators.Select(x => x.Label));
        Assert.Equal(("产出指标", "数量指标", "≥13459.00(平方米)", "13459.00", "≥"),
            (indicators[0].Texts!["一级指标"], indicators[0].Texts!["二级指标"], indicators[0].Texts!["年度(/项目)指标值"], indicators[0].Texts!["target_value"], indicators[0].Texts!["target_comparison"]));
        Assert.Equal(("满意度指标", "服务对象满意度指标", "满意度"), (indicators[4].Texts!["一级指标"], indicators[4].Texts!["二级指标"], indicators[4].Texts!["年度(/项目)指标值"]));
    }

    [Fact]
    public void Shanghai_forms_one_per_page_are_one_table_each_and_a_years_total_its_sources_do_not_make_fails()
    {
        // Four 绩效目标填报表 of the same budget on four pages, each filling its page: the title and labels ruled inside
        // the form. Each is its own table (the second was read as the rest of the first, its project lost), its name
        // read across the cut 项目 | 名称 (was "名称"). The fourth prints 年度资金申请总额 10,903,043.00 over 当年财政拨款
        // 11,419,043.00, 上年结转资金 0.00 and 其他资金 0.00: the document's own error, a failed check with its figures.
        var (tables, checks) = ShanghaiPages("sh-putuo-wanlijd-2023-budget-perf-forms.pdf");
        var forms = tables.Where(t => TableFamilies.IsForm(t.Id)).ToList();
        Assert.Equal([1, 2, 3, 4], forms.Select(t => t.PageStart));
        Assert.Equal(["就业援助基地补贴", "社区环境整治和建设经费", "各类工作经费", "公共服务设施运行经费"],
            forms.Select(t => Assert.Single(t.Rows, x => x.Is(PerformanceFields.ProjectRow)).Label));
        Assert.Equal([4, 4, 43, 9], forms.Select(t => t.Rows.Count(x => x.Is(PerformanceFields.IndicatorRow))));
        var fail = Assert.Single(checks, c => c.Rule == "perf.funds_total_equals_sources" && c.Status == CheckStatus.Fail);
        Assert.Equal((10903043.00m, 11419043.00m), (fail.Expected, fail.Actual));
        Assert.Contains("p4 公共服务设施运行经费: 年度资金申请总额", fail.Message);
        Assert.Single(checks, c => c.Rule.StartsWith("perf.") && c.Status == CheckStatus.Fail);
    }

    [Theory]
    [InlineData("11000022T0000004602 16-杂志办刊经费", "杂志办刊经费")]
    [InlineData("(1)大病互助保险管理经费", "大病互助保险管理经费")]
    [InlineData("2.信访业务培训项目", "信访业务培训")]
    [InlineData("“互联网+医保”建设 项目", "互联网+医保建设")]
    [InlineData("2024年城乡居民医保配套资金", "2024年城乡居民医保配套资金")]
    [InlineData("三、信息化运行维护", "信息化运行维护")]
    public void Project_names_compare_without_code_number_quotes_or_the_word_project(string printed, string key) =>
        Assert.Equal(key, ProjectNames.Key(printed));
}
