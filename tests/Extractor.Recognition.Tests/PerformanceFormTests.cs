using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Core.Report;
using Extractor.Pdf.Reading;
using Extractor.Readers.Text;
using Extractor.Recognition.Checks;
using Extractor.Recognition.Facts;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Profile;
using Extractor.Recognition.Tables;
using Extractor.Tables.Document;
using Extractor.TestSupport;

namespace Extractor.Recognition.Tests;

/// <summary>
/// Performance forms (绩效目标表, 绩效自评表) read field by field, in the layouts provinces print: Hunan's grid of
/// projects and indicators over pages (a real budget's pages), Sichuan's self-evaluation form (a real final account,
/// seeds/001), the central template's one project per page (项目资金 block, 分值 column), Beijing's grid naming each
/// project with its 财政资金/其他资金, and the national self-evaluation form with its own arithmetic to check.
/// </summary>
public class PerformanceFormTests
{
    private sealed record Extracted(List<ReportTable> Tables, List<Fact> Facts, List<Check> Checks);

    private static Extracted Run(DocumentContent content, string kind, int? year = null)
    {
        var profile = new ReportDocument { Sha256 = content.Sha256, Source = content.Source, MediaType = content.MediaType, Kind = kind, FiscalYear = year };
        return Run(content, profile, content.NativeTables);
    }

    private static Extracted Run(DocumentContent content, ReportDocument profile, IReadOnlyList<Core.Tables.RawTable> raw)
    {
        var tables = new CanonicalTableMapper().Map(content, raw, profile).ToList();
        var facts = new FactExtractor().Extract(content, profile, tables, [], []).ToList();
        var checks = new CheckRunner().Run(content, profile, tables, facts, []).ToList();
        return new Extracted(tables, facts, checks);
    }

    /// <summary>A text document written here (tab-separated rows, as the text reader takes them).</summary>
    private static Extracted Text(string text, string kind, int year = 2024)
    {
        var path = Path.Combine(Path.GetTempPath(), $"perf-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, text);
        try { return Run(new TextFileReader().Read(path, new ReadLimits()), kind, year); }
        finally { File.Delete(path); }
    }

    private static string T(ReportRow r, string column) => r.Texts![column];

    [Fact]
    public void Hunan_grid_of_projects_runs_over_pages_as_one_table_with_its_indicators()
    {
        // Three pages of a Changsha budget's 项目支出绩效目标表: the title and header printed again on every page.
        var content = new PdfDocumentReader().Read(Corpus.Path("extra", "hn-changsha-gaj-2025-budget-perf-pages.pdf"));
        var raw = new DocumentTableExtractor().Extract(content);
        var r = Run(content, DocumentProfiler.Profile(content, raw), raw);
        var t = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets");
        Assert.Equal((1, 3), (t.PageStart, t.PageEnd));
        Assert.Equal("2025年项目支出绩效目标表", t.Title);
        var project = t.Rows.First(x => x.Is(PerformanceFields.ProjectRow) && x.Label == "大型警保卫及基础设施安全保护工作经费");
        Assert.Equal(428.69m, project.Values["资金总额"]);
        Assert.StartsWith("发挥公安职能", T(project, "绩效目标"));
        // The project repeated at the top of the next page is the same project, not a second one.
        Assert.Single(t.Rows, x => x.Is(PerformanceFields.ProjectRow) && x.Label == project.Label);
        var cost = t.Rows.First(x => x.Is(PerformanceFields.IndicatorRow) && x.Label == "成本控制率");
        Assert.Equal(("成本指标", "经济成本指标", "100", "≤", "%"), (T(cost, "一级指标"), T(cost, "二级指标"), T(cost, "target_value"), T(cost, "target_comparison"), T(cost, "target_unit")));
        Assert.Equal(project.Label, T(cost, "单位(项目)名称"));
        Assert.NotNull(cost.Cells?["三级指标"].Bbox);
        // 二级指标 printed once over its indicators holds for each of them.
        var next = t.Rows.First(x => x.Label == "开展督导专项检查行动次数");
        Assert.Equal(("产出指标", "数量指标", "≥"), (T(next, "一级指标"), T(next, "二级指标"), T(next, "target_comparison")));
        Assert.Equal("定性", T(t.Rows.First(x => x.Label == "警保卫任务质量"), "target_comparison"));
        Assert.DoesNotContain(r.Tables, x => x.Id.Contains("x_table"));
        // Every indicator the three pages print (24, counted on the raw grids), none lost at a page break.
        Assert.Equal(24, t.Rows.Count(x => x.Is(PerformanceFields.IndicatorRow)));
    }

    [Fact]
    public void Sichuan_self_evaluation_form_gives_its_fields_and_money_by_column()
    {
        var r = SeedReport.Of("001_cfc26b93a4164a2f.txt");
        var t = r.Table("perf.x_self_evaluation");
        var project = Assert.Single(t.Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal("220001", T(project, "主管部门及代码"));
        Assert.Equal("万源市医疗保障局", T(project, "实施单位"));
        Assert.Equal(3688.59m, project.Values["预算数"]);
        Assert.Equal(3688.59m, project.Values["财政拨款/执行数"]);
        Assert.StartsWith("抓好职工", T(project, "预期目标"));
        var first = t.Rows.First(x => x.Is(PerformanceFields.IndicatorRow));
        Assert.Equal(("237所", "240所", "237", "所"), (T(first, "预期指标值"), T(first, "实际完成指标值"), T(first, "target_value"), T(first, "target_unit")));
        // Every indicator line the form prints (eight; the first one's name wraps onto the line after a blank line).
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(8, indicators.Count);
        Assert.Equal("定点医院、定点诊所及药店监管", first.Label);
        var last = indicators[^1];
        Assert.Equal(("服务对象满意度", "满意度指标", "满意度指标", "95%", "95%"), (last.Label, T(last, "一级指标"), T(last, "二级指标"), T(last, "预期指标值"), T(last, "实际完成指标值")));
        Assert.Equal(("效益指标", "可持续发展指标"), (T(indicators[6], "一级指标"), T(indicators[6], "二级指标")));
    }

    private const string CentralTemplate = """
        信息化运行维护绩效目标表
        项目名称		信息化运行维护			
        主管部门及代码		[292]某某局	实施单位	某某局本级	
        项目资金(万元)		年度资金总额:		2,134.87	
        		其中:财政拨款		1,384.87	
        		上年结转		750.00	
        		其他资金		-	
        年度总体目标	1.加强信息系统应用。2.确保网络安全稳定运行。				
        绩效指标	一级指标	二级指标	三级指标	指标值	分值(90)
        	成本指标	经济成本指标	项目总成本	≤2134.87万元	20
        	产出指标	数量指标	数据中心设备维护量	≥330台(套)	8
        		质量指标	设备完好率	≥96%	8
        	效益指标	社会效益指标	网络安全事件发生率	≤0.5%	10
        	满意度指标	服务对象满意度指标	使用部门满意率	≥85%	10
        信访业务培训绩效目标表
        项目名称		信访业务培训			
        主管部门及代码		[292]某某局	实施单位	某某局本级	
        项目资金(万元)		年度资金总额:		118.01	
        		其中:财政拨款		110.01	
        		上年结转		0.00	
        		其他资金		-	
        年度总体目标	分级分类抓好干部培训。				
        绩效指标	一级指标	二级指标	三级指标	指标值	分值(90)
        	产出指标	数量指标	培训班次	≥3次	6
        """;

    [Fact]
    public void Central_template_one_project_per_page_with_its_money_block()
    {
        var r = Text(CentralTemplate, DocumentKinds.Budget, 2026);
        var tables = r.Tables.Where(t => t.Id == "budget.x_project_performance_targets").ToList();
        Assert.Equal(["信息化运行维护绩效目标表", "信访业务培训绩效目标表"], tables.Select(t => t.Title));
        var project = tables[0].Rows[0];
        Assert.True(project.Is(PerformanceFields.ProjectRow));
        Assert.Equal("信息化运行维护", project.Label);
        Assert.Equal(new Dictionary<string, decimal> { ["年度资金总额"] = 2134.87m, ["财政拨款"] = 1384.87m, ["上年结转"] = 750.00m, ["其他资金"] = 0m }, project.Values);
        Assert.Equal("[292]某某局", T(project, "主管部门及代码"));
        var rate = tables[0].Rows.Single(x => x.Label == "设备完好率");
        Assert.Equal(("产出指标", "质量指标", "≥96%", "≥", "96", "%"), (T(rate, "一级指标"), T(rate, "二级指标"), T(rate, "指标值"), T(rate, "target_comparison"), T(rate, "target_value"), T(rate, "target_unit")));
        Assert.Equal(8m, rate.Values["分值(90)"]);
        Assert.Equal(ColumnKinds.Quantity, tables[0].ColumnRoles["分值(90)"].Kind);
        // 年度资金总额 = 财政拨款 + 上年结转 + 其他资金: holds for the first project, not for the second (110.01 + 0 ≠ 118.01).
        var failed = Assert.Single(r.Checks, c => c.Rule == "perf.funds_total_equals_sources" && c.Status == CheckStatus.Fail);
        Assert.Equal((118.01m, 110.01m), (failed.Expected, failed.Actual));
    }

    [Fact]
    public void A_mark_read_where_a_comparison_is_printed_is_no_comparison()
    {
        // An OCR'd page: the recogniser guessed M and W for ≥ signs it could not read; = and a word stay comparisons.
        var r = Text(BeijingGrid.Replace("保障及时率\t≥", "保障及时率\tM").Replace("成本控制率\t=", "成本控制率\tW"), DocumentKinds.Budget, 2026);
        var rows = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets").Rows;
        Assert.False(rows.Single(x => x.Label == "保障及时率").Texts!.ContainsKey("target_comparison"));
        Assert.False(rows.Single(x => x.Label == "成本控制率").Texts!.ContainsKey("target_comparison"));
        Assert.Equal("=", T(rows.Single(x => x.Label == "每期印刷数量"), "target_comparison"));
        Assert.Equal("95", T(rows.Single(x => x.Label == "保障及时率"), "target_value"));
    }

    private const string BeijingGrid = """
        预算12表 项目支出绩效目标表
        项目名称	项目总额	其中:		绩效目标	一级指标	二级指标	三级指标	绩效指标性质	本年绩效指标值	绩效度量单位
        		财政资金	其他资金							
        11000022T0000004602 16-杂志办刊经费	17.398000	17.398000		主要用于杂志印刷刊发。	效益指标	社会效益指标	促进经验成果交流	定性	优	
        					产出指标	质量指标	印刷质量相符性	=	100	%
        					产出指标	数量指标	每期印刷数量	=	900	册
        11000022T0000004606 87-机动经费	10.000000	8.000000	2.000000	保障临时性紧急任务。	成本指标	经济成本指标	成本控制率	=	100	%
        					产出指标	时效指标	保障及时率	≥	95	%
        """;

    [Fact]
    public void A_first_level_carried_down_to_a_second_level_of_another_is_that_ones()
    {
        // The 一级指标 cell of the last two lines was cut by a page break and printed its name on the other side: the lines
        // inherit 产出指标 from above, but 社会效益指标 belongs to 效益指标 alone (the framework's lexicon).
        var r = Text("""
            项目支出绩效目标表
            项目名称	一级指标	二级指标	三级指标	指标值
            某某培训项目	产出指标	数量指标	培训人次	≥100人次
            		质量指标	培训合格率	≥95%
            		社会效益指标	群众知晓率	≥90%
            		可持续影响指标	长效机制建立	建立
            """, DocumentKinds.Budget, 2026);
        var rows = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets").Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(["产出指标", "产出指标", "效益指标", "效益指标"], rows.Select(x => T(x, "一级指标")));
        Assert.Equal("效益指标", Extractor.Recognition.Meaning.IndicatorLevels.Carried("产出指标", "社会效益指标"));
        Assert.Equal("产出指标", Extractor.Recognition.Meaning.IndicatorLevels.Carried("产出指标", "成本指标"));   // two parents: as carried
        Assert.Equal("某某指标", Extractor.Recognition.Meaning.IndicatorLevels.Carried("某某指标", "社会效益指标")); // a level the framework does not know
    }

    [Fact]
    public void Beijing_grid_names_each_project_on_its_first_line()
    {
        var r = Text(BeijingGrid, DocumentKinds.Budget, 2026);
        var t = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets");
        var projects = t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow)).ToList();
        Assert.Equal(["11000022T000000460216-杂志办刊经费", "11000022T000000460687-机动经费"], projects.Select(p => p.Label));
        Assert.Equal(new Dictionary<string, decimal> { ["项目总额"] = 10m, ["财政资金"] = 8m, ["其他资金"] = 2m }, projects[1].Values);
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(5, indicators.Count);
        var rate = indicators.Single(x => x.Label == "保障及时率");
        Assert.Equal((projects[1].Label, "≥", "95", "%"), (T(rate, "项目名称"), T(rate, "target_comparison"), T(rate, "target_value"), T(rate, "target_unit")));
        Assert.Equal("定性", T(indicators[0], "target_comparison"));
        Assert.All(r.Checks.Where(c => c.Rule == "perf.funds_total_equals_sources"), c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_header_printed_again_inside_the_grid_is_no_indicator()
    {
        // The grid runs over a page and its header is printed again at the head of the next page, inside the one table
        // the page break did not cut (a department-wide form's 活动 | 绩效指标 | 指标性质 | 指标值 | 度量单位 likewise).
        var lines = BeijingGrid.Split('\n').ToList();
        lines.Insert(6, lines[1]);
        lines.Insert(7, lines[2]);
        var r = Text(string.Join('\n', lines), DocumentKinds.Budget, 2026);
        var t = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets");
        Assert.Equal(["11000022T000000460216-杂志办刊经费", "11000022T000000460687-机动经费"], t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow)).Select(p => p.Label));
        Assert.Equal(["促进经验成果交流", "印刷质量相符性", "每期印刷数量", "成本控制率", "保障及时率"], t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).Select(x => x.Label));
    }

    /// <summary>A budget's one table read over two pages (no geometry): each line with the page it is printed on.</summary>
    private static Extracted TwoPages(string title, (int Page, string[] Cells)[] lines, bool fromImage = false)
    {
        var rows = lines.Select(l => new Core.Tables.RawRow(l.Cells.Select(c => new Core.Tables.RawCell(c)).ToList(), l.Page)).ToList();
        var raw = new Core.Tables.RawTable(rows, 1, 2, null, "stream") { Title = title };
        PageContent Page(int n) => fromImage ? new PageContent(n, 600, 800, [], [], []) { TextConfidence = 0.95, ReadBy = OcrReaders.PpOcr } : new PageContent(n, 600, 800, [], [], []);
        var pages = new[] { Page(1), Page(2) };
        var content = new DocumentContent("sha", "t", "application/pdf", pages, [], new Dictionary<string, string>());
        var profile = new ReportDocument { Sha256 = "sha", Source = "t", MediaType = "application/pdf", Kind = DocumentKinds.Budget, FiscalYear = 2026 };
        return Run(content, profile, [raw]);
    }

    [Fact]
    public void A_projects_name_cut_by_the_page_break_is_one_project_under_its_whole_name()
    {
        // A grid of projects read as one table over two pages, each project's name in a tall cell beside its
        // indicators: the page break cuts one name (…北京市能源 | 审计工作经费 at the head of the next page), another
        // project's name begins at the foot of the page as its code alone and goes on, with its money, on a later line.
        string[] Line(params string[] cells) => cells.Concat(Enumerable.Repeat("", 11 - cells.Length)).ToArray();
        var lines = new (int Page, string[] Cells)[]
        {
            (1, Line("项目名称", "项目总额", "其中:", "", "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标性质", "本年绩效指标值", "绩效度量单位")),
            (1, Line("", "", "财政资金", "其他资金")),
            (1, Line("11000022T000000438979-(节能环保)北京市能源", "12.560000", "12.560000", "", "组织12家单位实施能源审计", "产出指标", "质量指标", "能源审计报告质量", "定性", "优")),
            (2, Line("", "", "", "", "", "产出指标", "时效指标", "开展能源审计单位培训", "≤", "9", "月")),
            (2, Line("审计工作经费", "", "", "", "措施的有效性,提高能效。", "成本指标", "经济成本指标", "单个咨询专家劳务费", "≤", "0.08", "万元/天")),
            (2, Line("11000022T000000457185-北京财政金融综合运行专项工作经费", "57.000000", "57.000000", "", "跟踪国内外经济形势", "产出指标", "数量指标", "形成分析报告", "≥", "12", "份")),
            (2, Line("11000022T000000", "", "", "", "按照外事要求合理使用经费", "产出指标", "数量指标", "出访团组", "≤", "3", "个")),
            (2, Line("457203-对外交流合作工作经费(出国)", "142.200000", "142.200000", "", "推动技术引进", "效益指标", "社会效益指标", "交流成果转化", "定性", "优")),
        };
        var t = Assert.Single(TwoPages("预算12表 项目支出绩效目标表", lines).Tables, x => x.Id == "budget.x_project_performance_targets");
        var projects = t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow)).ToList();
        Assert.Equal(["11000022T000000438979-(节能环保)北京市能源审计工作经费", "11000022T000000457185-北京财政金融综合运行专项工作经费", "11000022T000000457203-对外交流合作工作经费(出国)"],
            projects.Select(x => x.Label));
        Assert.Equal([12.56m, 57m, 142.2m], projects.Select(x => x.Values["项目总额"]));
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal([projects[0].Label, projects[0].Label, projects[0].Label, projects[1].Label, projects[2].Label, projects[2].Label], indicators.Select(x => T(x, "项目名称")));
    }

    [Fact]
    public void A_department_wide_forms_activities_on_the_next_page_are_activities_of_their_own()
    {
        // The department's money is printed in the field block above the grid; its activities name no money: the
        // first activity, at the head of the next page, is no rest of the department's name.
        string[] Line(params string[] cells) => cells.Concat(Enumerable.Repeat("", 5 - cells.Length)).ToArray();
        var lines = new (int Page, string[] Cells)[]
        {
            (1, Line("部门名称", "某某局")),
            (1, Line("预算支出总额", "财政拨款", "其他资金")),
            (1, Line("1,935.36", "1,900.00", "35.36")),
            (1, Line("活动", "绩效指标", "指标性质", "指标值", "度量单位")),
            (2, Line("数据管理", "产出指标数量指标数据目录编制", "≥", "12", "项")),
            (2, Line("新闻宣传工作", "产出指标数量指标新闻发布", "≥", "10", "次")),
        };
        var t = Assert.Single(TwoPages("预算13表 部门整体支出绩效目标表", lines).Tables, x => x.Id == "budget.x_department_performance_targets");
        Assert.Equal(["某某局", "数据管理", "新闻宣传工作"], t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow)).Select(x => x.Label));
    }

    private const string SelfEvaluation = """
        项目支出绩效自评表
        项目名称	城乡居民医保配套资金							
        主管部门	某某医疗保障局			实施单位	某某医疗保障事务中心			
        项目资金(万元)		年初预算数	全年预算数	全年执行数	分值	执行率	得分	
        	年度资金总额	200.00	250.00	230.00	10	95.00%	9.2	
        	其中:当年财政拨款	200.00	240.00	220.00				
        	上年结转资金	0.00	10.00	10.00				
        	其他资金	0.00	0.00	0.00				
        年度总体目标	预期目标			实际完成情况				
        	保障城乡居民参保。			参保率达到目标。				
        绩效指标	一级指标	二级指标	三级指标	年度指标值	实际完成值	分值	得分	偏差原因分析及改进措施
        	产出指标	数量指标	参保人数	≥47万人	47万人	20	20	
        		质量指标	监管覆盖率	100%	100%	20	22	
        	效益指标	社会效益指标	困难群众参保率	100%	99%	30	27	个别人员外出务工未能参保
        	满意度指标	服务对象满意度指标	服务对象满意度	≥95%	95%	20	20	
        总分						100	96	
        """;

    [Fact]
    public void Self_evaluation_form_checks_its_rate_scores_and_money_and_gives_the_reports_figures()
    {
        var r = Text(SelfEvaluation, DocumentKinds.PerformanceEvaluation, 2024);
        var t = Assert.Single(r.Tables, x => x.Id == "perf.x_self_evaluation");
        var project = t.Rows.Single(x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal("城乡居民医保配套资金", project.Label);
        Assert.Equal(250.00m, project.Values["年度资金总额/全年预算数"]);
        Assert.Equal(95.00m, project.Values["年度资金总额/执行率"]);
        Assert.Equal(220.00m, project.Values["当年财政拨款/全年执行数"]);
        Assert.Equal(("保障城乡居民参保。", "参保率达到目标。"), (T(project, "预期目标"), T(project, "实际完成情况")));
        var low = t.Rows.Single(x => x.Label == "困难群众参保率");
        Assert.Equal(("99%", "个别人员外出务工未能参保"), (T(low, "实际完成值"), T(low, "偏差原因分析及改进措施")));
        Assert.Equal((30m, 27m), (low.Values["分值"], low.Values["得分"]));
        Assert.Equal(96m, t.Rows.Single(x => x.Is(PerformanceFields.TotalRow)).Values["得分"]);

        // 执行率 printed 95.00% where 230 / 250 = 92.00%: a finding, with both figures.
        var rate = Assert.Single(r.Checks, c => c.Rule == "perf.execution_rate");
        Assert.Equal((CheckStatus.Fail, 92.00m, 95.00m), (rate.Status, rate.Expected, rate.Actual));
        // 得分 22 over its 分值 20.
        var over = Assert.Single(r.Checks, c => c.Rule == "perf.score_within_weight" && c.Status == CheckStatus.Fail);
        Assert.Equal((20m, 22m), (over.Expected, over.Actual));
        // 总分 96 vs 9.2 + 20 + 22 + 27 + 20 = 98.2; 分值 100 = 10 + 20 + 20 + 30 + 20.
        var total = Assert.Single(r.Checks, c => c.Rule == "perf.score_total");
        Assert.Equal((CheckStatus.Fail, 96m, 98.2m), (total.Status, total.Expected, total.Actual));
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.weight_total").Status);
        // 年度资金总额 = 当年财政拨款 + 上年结转资金 + 其他资金 under each figure.
        Assert.All(r.Checks.Where(c => c.Rule == "perf.funds_total_equals_sources"), c => Assert.Equal(CheckStatus.Pass, c.Status));

        decimal? Fact(string key) => r.Facts.FirstOrDefault(f => f.Key == key && f.Provenance.Kind == "table")?.Value;
        Assert.Equal((250.00m, 230.00m, 95.00m, 96m), (Fact(FactKeys.PerfFunds), Fact(FactKeys.PerfExpenditure), Fact(FactKeys.PerfExecutionRate), Fact(FactKeys.PerfScore)));
        Assert.Equal("分", r.Facts.First(f => f.Key == FactKeys.PerfScore).Unit);
    }

    [Fact]
    public void A_dash_under_a_weight_score_or_rate_is_no_figure_but_nil_money_is_zero()
    {
        // The national template prints — in its 其中 lines' 分值, 执行率 and 得分 (they are not weighed or scored) and
        // may print — for nil money. Read as 0, the lines would carry a 0 % execution rate and a score of 0.
        var text = SelfEvaluation
            .Replace("	其中:当年财政拨款	200.00	240.00	220.00				", "	其中:当年财政拨款	200.00	240.00	220.00	—	—	—	")
            .Replace("	其他资金	0.00	0.00	0.00				", "	其他资金	—	—	—	—	—	—	");
        var r = Text(text, DocumentKinds.PerformanceEvaluation, 2024);
        var project = Assert.Single(Assert.Single(r.Tables, x => x.Id == "perf.x_self_evaluation").Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal(220.00m, project.Values["当年财政拨款/全年执行数"]);
        Assert.Equal(0m, project.Values["其他资金/全年执行数"]);
        foreach (var line in new[] { "当年财政拨款", "其他资金" })
            foreach (var column in new[] { "分值", "执行率", "得分" })
            {
                Assert.False(project.Values.ContainsKey($"{line}/{column}"), $"{line}/{column}");
                Assert.Equal("—", project.Texts![$"{line}/{column}"]);
            }
        Assert.Equal(95.00m, project.Values["年度资金总额/执行率"]);
    }

    [Fact]
    public void A_rate_printed_without_its_figures_is_insufficient_data()
    {
        var text = SelfEvaluation.Replace("	年度资金总额	200.00	250.00	230.00	10	95.00%	9.2	", "	年度资金总额	200.00		230.00	10	95.00%	9.2	");
        var r = Text(text, DocumentKinds.PerformanceEvaluation, 2024);
        var rate = Assert.Single(r.Checks, c => c.Rule == "perf.execution_rate");
        Assert.Equal(CheckStatus.InsufficientData, rate.Status);
    }

    private const string UnitOverProjects = """
        2026年项目支出绩效目标表
        单位编码	单位(项目)名称	资金总额	绩效目标	一级指标	二级指标	三级指标	指标值	度量单位	指标值类型
        合计		148.33							
        126001	某某局	148.33							
        126001	信访业务工作专项	138.11	做好来信来访办理。	产出指标	数量指标	办理信访事项	10000	件	≥
        				效益指标	社会效益指标	群众满意度	90	%	≥
        126001	接待中心运行专项	10.22	保障接待中心运行。	产出指标	时效指标	按时维修	按时		定性
        """;

    [Fact]
    public void A_units_line_over_its_projects_is_the_units_total_not_a_project()
    {
        // Hunan prints each 预算单位's line (单位编码 | 单位名称 | 资金总额, no target, no indicators) above its projects.
        var r = Text(UnitOverProjects, DocumentKinds.Budget, 2026);
        var t = Assert.Single(r.Tables, x => x.Id == "budget.x_project_performance_targets");
        var unit = Assert.Single(t.Rows, x => x.Is(PerformanceFields.UnitRow));
        Assert.Equal(("某某局", 148.33m), (unit.Label, unit.Values["资金总额"]));
        Assert.Equal(["信访业务工作专项", "接待中心运行专项"], t.Rows.Where(x => x.Is(PerformanceFields.ProjectRow)).Select(x => x.Label));
        Assert.Equal(3, t.Rows.Count(x => x.Is(PerformanceFields.IndicatorRow)));
    }

    private const string Deadlines = """
        2026年项目支出绩效目标表
        单位编码	单位(项目)名称	资金总额	绩效目标	一级指标	二级指标	三级指标	指标值	度量单位	指标值类型
        126001	信访业务工作专项	138.11	做好来信来访办理。	产出指标	时效指标	办结时间	2026年12月31日前		定性
        				产出指标	时效指标	完成时间	≤2026/11/15		
        				产出指标	时效指标	实施期	2026年1-12月		定性
        				产出指标	时效指标	办理时限	60	日	≤
        				产出指标	数量指标	资助金额	≥2000.5	万元	
        				成本指标	经济成本指标	补助标准	2000-3000	元	≤
        """;

    [Fact]
    public void A_deadline_printed_as_a_date_is_a_target_in_words_not_its_year_as_a_figure()
    {
        // 时效指标 print deadlines as dates on forms of every province (2026年12月31日前, 2026/11/15, 2026年1-12月): the
        // year is no target figure (a researcher summing or comparing targets would take 2026 for one); a duration (60
        // 日), an amount (2000.5) and a range of amounts keep their figure.
        var t = Assert.Single(Text(Deadlines, DocumentKinds.Budget, 2026).Tables, x => x.Id == "budget.x_project_performance_targets");
        var rows = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToDictionary(x => x.Label);
        string? Field(string label, string field) => rows[label].Texts!.GetValueOrDefault(field);
        Assert.Equal((null, "定性", "2026年12月31日前"), (Field("办结时间", "target_value"), Field("办结时间", "target_comparison"), Field("办结时间", "指标值")));
        Assert.Equal((null, "≤"), (Field("完成时间", "target_value"), Field("完成时间", "target_comparison")));
        Assert.Equal((null, "定性"), (Field("实施期", "target_value"), Field("实施期", "target_comparison")));
        Assert.Equal(("60", "日", "≤"), (Field("办理时限", "target_value"), Field("办理时限", "target_unit"), Field("办理时限", "target_comparison")));
        Assert.Equal(("2000.5", "≥"), (Field("资助金额", "target_value"), Field("资助金额", "target_comparison")));
        Assert.Equal("2000", Field("补助标准", "target_value"));
    }

    private const string DepartmentWide = """
        2026年部门整体支出绩效目标表
        单位编码	单位名称	年度预算申请				整体绩效目标	部门整体支出年度绩效目标					
        		资金总额	按收入性质分		按支出性质分							
        单位编码	单位名称	资金总额	一般公共预算	基本支出	项目支出	整体绩效目标	一级指标	二级指标	三级指标	指标值类型	指标值	计量单位
        126001	某某局	1935.36	1935.36	1517.95	417.41	做好信访工作。	成本指标	经济成本指标	项目支出控制数	≤	417.41	万元
        							产出指标	数量指标	接待走访群众数量	≥	3000	人次
        """;

    [Fact]
    public void A_department_wide_forms_upper_header_is_no_project()
    {
        // 年度预算申请 / 按收入性质分 over the money columns are header words: no project row is made of them.
        var r = Text(DepartmentWide, DocumentKinds.Budget, 2026);
        var t = Assert.Single(r.Tables, x => x.Id == "budget.x_department_performance_targets");
        var project = Assert.Single(t.Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal(("某某局", 1935.36m), (project.Label, project.Values["资金总额"]));
        Assert.Equal(2, t.Rows.Count(x => x.Is(PerformanceFields.IndicatorRow)));
    }

    private static Extracted Pdf(string file)
    {
        var content = new PdfDocumentReader().Read(Corpus.Path("extra", file));
        var raw = new DocumentTableExtractor().Extract(content);
        return Run(content, DocumentProfiler.Profile(content, raw), raw);
    }

    [Fact]
    public void Beijing_department_wide_indicators_printed_with_their_levels_in_one_cell_are_split_into_the_three()
    {
        // 预算13表 prints one 绩效指标 column: 产出指标数量指标财政评审项目数量 is 一级 产出指标, 二级 数量指标, the indicator
        // 财政评审项目数量 (the national framework's levels, indicator-levels.tsv).
        var form = Assert.Single(Pdf("bj-czj-2026-budget-dept-perf-pages.pdf").Tables, x => x.Id == "budget.x_department_performance_targets");
        var indicators = form.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        var first = indicators[0];
        Assert.Equal(("财政评审项目数量", "产出指标", "数量指标", "预算评审", "420"), (first.Label, T(first, "一级指标"), T(first, "二级指标"), T(first, "活动"), T(first, "target_value")));
        var outcome = indicators.First(x => x.Label.StartsWith("提高财政资金使用效益"));
        Assert.Equal(("效益指标", "社会效益指标"), (T(outcome, "一级指标"), T(outcome, "二级指标")));
        Assert.All(indicators, x => Assert.False(IndicatorLevels.Split(x.Label) is not null, x.Label));
    }

    [Theory]
    [InlineData("产出指标数量指标开展监测工作", "产出指标", "数量指标", "开展监测工作")]
    [InlineData("成本指标经济成本指标光伏补贴标准", "成本指标", "经济成本指标", "光伏补贴标准")]
    [InlineData("满意度指标服务对象满意度指标使用人员满意度", "满意度指标", "服务对象满意度指标", "使用人员满意度")]
    [InlineData("效益指标可持续影响指标持续推动对口协作", "效益指标", "可持续影响指标", "持续推动对口协作")]
    [InlineData("产出指标完成率", null, null, null)]
    [InlineData("数量指标开展监测工作", null, null, null)]
    [InlineData("产出指标效益指标", null, null, null)]
    public void Indicator_levels_split_only_a_first_level_followed_by_one_of_its_second_levels(string text, string? l1, string? l2, string? name) =>
        Assert.Equal(l1 is null ? null : (l1, l2!, name!), IndicatorLevels.Split(text));

    [Theory]
    // Hunan (a Changsha budget's t01, t04 and 部门整体支出绩效目标表 pages): 资金总额 | 一般公共预算 … | 基本支出 | 项目支出
    // over the unit's line, below an upper header (年度预算申请 / 按收入性质分) that is no project.
    [InlineData("hn-changsha-gaj-2025-budget-dept-perf-pages.pdf", "长沙市公安局", "资金总额", 68632.12, "perf.department_general_budget_equals_t04")]
    // Beijing (the finance bureau's t01-t04 and 预算13表): 总体资金情况 预算支出总额 | 财政拨款 (合计 | 基本支出 | 项目支出) |
    // 其他资金 (…) over one line of figures; 基本支出 and 项目支出 printed per source and compared with t03.
    [InlineData("bj-czj-2026-budget-dept-perf-pages.pdf", "北京市财政局", "预算支出总额", 44169.357532, "perf.department_fiscal_equals_t04_total")]
    public void Department_wide_form_agrees_with_the_same_reports_tables(string file, string department, string totalColumn, double total, string sourceRule)
    {
        var r = Pdf(file);
        var form = Assert.Single(r.Tables, x => x.Id == "budget.x_department_performance_targets");
        var line = Assert.Single(form.Rows, x => x.Is(PerformanceFields.ProjectRow) && x.Values.Count > 0);
        Assert.Equal((department, (decimal)total), (line.Label, line.Values[totalColumn]));
        foreach (var rule in new[] { "perf.department_total_equals_t01_expenditure_total", sourceRule, "perf.department_basic_equals_t01_or_t03", "perf.department_project_equals_t01_or_t03" })
            Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == rule).Status);
        Assert.DoesNotContain(r.Checks, c => c.Rule.StartsWith("perf.") && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Department_wide_forms_money_is_checked_against_the_reports_own_tables()
    {
        // 资金总额 and 基本支出 agree with t01; 项目支出 417.41 is printed as 407.41 in t01 (planted); the report prints no
        // t04 or t05, so 一般公共预算 has nothing to be compared with.
        const string summary = """
            某某局2026年部门预算

            部门收支总体情况表
            单位：万元
            收入	本年预算	支出	本年预算
            一、一般公共预算拨款收入	1935.36	一、基本支出	1517.95
            二、政府性基金拨款收入		二、项目支出	407.41
            本年收入合计	1935.36	本年支出合计	1935.36
            收入总计	1935.36	支出总计	1935.36

            """;
        var r = Text(summary + DepartmentWide, DocumentKinds.Budget, 2026);
        var form = Assert.Single(r.Tables, x => x.Id == "budget.x_department_performance_targets");
        var line = Assert.Single(form.Rows, x => x.Is(PerformanceFields.ProjectRow));
        Assert.Equal((1935.36m, 1517.95m, 417.41m), (line.Values["一般公共预算"], line.Values["基本支出"], line.Values["项目支出"]));
        Check Rule(string rule) => Assert.Single(r.Checks, c => c.Rule == rule);
        Assert.Equal(CheckStatus.Pass, Rule("perf.department_total_equals_t01_expenditure_total").Status);
        Assert.Equal(CheckStatus.Pass, Rule("perf.department_basic_equals_t01_or_t03").Status);
        var project = Rule("perf.department_project_equals_t01_or_t03");
        Assert.Equal((CheckStatus.Fail, 407.41m, 417.41m), (project.Status, project.Expected, project.Actual));
        Assert.Equal(CheckStatus.InsufficientData, Rule("perf.department_general_budget_equals_t04").Status);
        // 资金总额 = 一般公共预算 (by source) and = 基本支出 + 项目支出 (by purpose) on the form itself: two passes, reported as one.
        var funds = Rule("perf.funds_total_equals_sources");
        Assert.Equal(CheckStatus.Pass, funds.Status);
        Assert.Contains("and 1 more", funds.Message);
    }

    [Fact]
    public void Department_wide_total_counting_next_years_carryover_agrees_with_the_grand_total_and_its_split_is_not_compared()
    {
        // 资金总额 1935.36 is t01's 支出总计 (本年支出合计 1900.00 + 年末结转和结余 35.36): it agrees with that; its 基本支出 and
        // 项目支出 hold the carried money the expenditure tables do not, so they are insufficient_data, not failures.
        const string summary = """
            某某局2026年部门预算

            部门收支总体情况表
            单位：万元
            收入	本年预算	支出	本年预算
            一、一般公共预算拨款收入	1935.36	一、基本支出	1500.00
            		二、项目支出	400.00
            本年收入合计	1935.36	本年支出合计	1900.00
            		年末结转和结余	35.36
            收入总计	1935.36	支出总计	1935.36

            """;
        var r = Text(summary + DepartmentWide, DocumentKinds.Budget, 2026);
        var total = Assert.Single(r.Checks, c => c.Rule == "perf.department_total_equals_t01_expenditure_total");
        Assert.Equal((CheckStatus.Pass, 1935.36m), (total.Status, total.Expected));
        Assert.Equal(CheckStatus.InsufficientData, Assert.Single(r.Checks, c => c.Rule == "perf.department_basic_equals_t01_or_t03").Status);
        Assert.Equal(CheckStatus.InsufficientData, Assert.Single(r.Checks, c => c.Rule == "perf.department_project_equals_t01_or_t03").Status);
    }

    [Fact]
    public void A_part_a_source_leaves_blank_is_nothing_when_its_other_part_makes_up_the_sources_total()
    {
        // Beijing's 预算13表 prints 基本支出 and 项目支出 under each source; 其他资金 100.00 is all 项目支出, its 基本支出
        // cell left blank. 合计 = 基本支出 + 项目支出 holds with the blank as nothing, so the department's 基本支出 is
        // 1500.00 + 0 and its 项目支出 400.00 + 100.00, each compared with t01 (it was insufficient_data).
        const string text = """
            某某局2026年部门预算

            部门收支总体情况表
            单位：万元
            收入	本年预算	支出	本年预算
            一、一般公共预算拨款收入	1900.00	一、基本支出	1500.00
            二、其他收入	100.00	二、项目支出	500.00
            本年收入合计	2000.00	本年支出合计	2000.00
            收入总计	2000.00	支出总计	2000.00

            预算13表 部门整体支出绩效目标表
            部门名称	某某局						
            总体资金情况(万元)	预算支出总额	财政拨款			其他资金		
            		合计	基本支出	项目支出	合计	基本支出	项目支出
            	2000.00	1900.00	1500.00	400.00	100.00		100.00
            整体绩效目标	做好本部门工作。						
            活动	绩效指标	指标性质	指标值	度量单位			
            业务工作	产出指标数量指标办理事项数量	≥	100	件			
            """;
        var r = Text(text, DocumentKinds.Budget, 2026);
        var line = Assert.Single(Assert.Single(r.Tables, x => x.Id == "budget.x_department_performance_targets").Rows, x => x.Is(PerformanceFields.ProjectRow) && x.Values.Count > 0);
        Assert.False(line.Values.ContainsKey("其他资金/基本支出"));
        var basic = Assert.Single(r.Checks, c => c.Rule == "perf.department_basic_equals_t01_or_t03");
        Assert.Equal((CheckStatus.Pass, 1500.00m), (basic.Status, basic.Actual));
        var project = Assert.Single(r.Checks, c => c.Rule == "perf.department_project_equals_t01_or_t03");
        Assert.Equal((CheckStatus.Pass, 500.00m), (project.Status, project.Actual));
    }

    private const string ScoreSheet = """
        附件
        部门整体支出绩效评价指标评分表
        一级指标	二级指标	分值	评分标准	得分
        投入(20分)	目标设定	8	绩效目标合理、明确	8
        	预算配置	12	在职人员控制率、三公经费变动率	11
        过程(30分)	预算执行	18	预算完成率、支出控制率	16.5
        	预算管理	12	管理制度健全、资金使用合规	12
        产出(30分)	职责履行	30	实际完成率、完成及时率、质量达标率	28
        效果(20分)	履职效益	20	经济效益、社会效益、服务对象满意度	19
        总分		100		94.5
        """;

    [Fact]
    public void Score_sheet_of_first_and_second_level_indicators_is_an_indicator_grid()
    {
        // No 三级指标 column: each 二级指标 is the indicator scored.
        var r = Text(ScoreSheet, DocumentKinds.PerformanceEvaluation, 2023);
        var t = Assert.Single(r.Tables, x => x.Id == "perf.x_indicator_scores");
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(["目标设定", "预算配置", "预算执行", "预算管理", "职责履行", "履职效益"], indicators.Select(x => x.Label));
        Assert.Equal(("过程(30分)", 18m, 16.5m), (T(indicators[2], "一级指标"), indicators[2].Values["分值"], indicators[2].Values["得分"]));
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.score_total").Status);
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.weight_total").Status);
        Assert.DoesNotContain(r.Checks, c => c.Rule.StartsWith("perf.") && c.Status == CheckStatus.Fail);
    }

    [Fact]
    public void Untitled_score_sheet_of_first_level_indicators_is_found_by_its_header_and_checked()
    {
        // Printed with no title over it: 一级指标 | 分值 | 自评得分 names it. Planted: 得分 32 over its 分值 30, and a
        // 合计 of 96 where the lines give 18 + 32 + 27 + 19 = 96 (holds) and 分值 100 where they give 20 + 30 + 30 + 20.
        const string sheet = """
            一、自评结论
            经自评，本单位得分96分。

            一级指标	分值	自评得分	扣分原因
            预算编制	20	18	个别项目细化不足
            预算执行	30	32	
            绩效管理	30	27	绩效目标不够细化
            服务满意度	20	19	
            合计	100	96	
            """;
        var r = Text(sheet, DocumentKinds.PerformanceEvaluation, 2023);
        var t = Assert.Single(r.Tables, x => x.Id == "perf.x_indicator_scores");
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(["预算编制", "预算执行", "绩效管理", "服务满意度"], indicators.Select(x => x.Label));
        Assert.Equal("绩效目标不够细化", T(indicators[2], "扣分原因"));
        var over = Assert.Single(r.Checks, c => c.Rule == "perf.score_within_weight" && c.Status == CheckStatus.Fail);
        Assert.Equal((30m, 32m), (over.Expected, over.Actual));
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.score_total").Status);
        Assert.Equal(CheckStatus.Pass, Assert.Single(r.Checks, c => c.Rule == "perf.weight_total").Status);
    }

    [Fact]
    public void Common_indicator_sheet_over_two_header_lines_with_scores_printed_on_middle_lines()
    {
        // Hunan (seeds/004): 一级 / 指标 printed over two lines; each indicator's 评价要点 runs over several lines and its
        // 得分 stands on one of them; one 得分 (24) is printed once for the four 项目效益 indicators (6 each).
        var r = SeedReport.Of("004_c02e9390b728df0a.txt", DocumentKinds.PerformanceEvaluation, 2022);
        var t = r.Table("perf.x_indicator_scores");
        var indicators = t.Rows.Where(x => x.Is(PerformanceFields.IndicatorRow)).ToList();
        Assert.Equal(20, indicators.Count);
        Assert.All(indicators, x => Assert.NotEmpty(x.Label));
        var first = indicators[0];
        Assert.Equal(("项目立项规范性", "投入", "项目立项", 6m, 6m), (first.Label, T(first, "一级指标"), T(first, "二级指标"), first.Values["分值"], first.Values["得分"]));
        Assert.Equal((5m, 3m), (indicators.Single(x => x.Label == "实际完成率").Values["分值"], indicators.Single(x => x.Label == "实际完成率").Values["得分"]));
        // The scores add up to the 97 the report gives for the sheet.
        Assert.Equal(97m, indicators.Sum(x => x.Values.GetValueOrDefault("得分")));
        var checks = r.Checks.Where(c => c.Rule == "perf.score_within_weight").ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.Equal(CheckStatus.Pass, c.Status));
    }

    [Fact]
    public void A_header_read_from_an_image_one_glyph_off_still_names_its_column()
    {
        // A scanned Beijing grid whose header OCR misread in one glyph each (续效 for 绩效, 缺 for 级): the columns are
        // the lexicon's, under their printed names, and their cells are read; a text layer's header is taken as printed.
        string[] Line(params string[] cells) => cells.Concat(Enumerable.Repeat("", 11 - cells.Length)).ToArray();
        var lines = new (int Page, string[] Cells)[]
        {
            (1, Line("项目名称", "项目总额", "其中:", "", "绩效目标", "一缺指标", "二级指标", "三级指标", "续效指标性质", "本年绩效指标值", "绩效度量单位")),
            (1, Line("", "", "财政资金", "其他资金")),
            (1, Line("11000022T000000457185-北京财政金融综合运行专项工作经费", "57.000000", "57.000000", "", "跟踪国内外经济形势", "产出指标", "数量指标", "形成分析报告", "≥", "12", "份")),
            (1, Line("", "", "", "", "", "成本指标", "经济成本指标", "单个咨询专家劳务费", "≤", "0.08", "万元/天")),
        };
        var scanned = Assert.Single(TwoPages("预算12表 项目支出绩效目标表", lines, fromImage: true).Tables, x => x.Id == "budget.x_project_performance_targets");
        var fee = scanned.Rows.Single(x => x.Label == "单个咨询专家劳务费");
        Assert.Equal(("成本指标", "≤", "≤", "0.08"), (T(fee, "一级指标"), T(fee, "绩效指标性质"), T(fee, "target_comparison"), T(fee, "target_value")));
        var printed = Assert.Single(TwoPages("预算12表 项目支出绩效目标表", lines).Tables, x => x.Id == "budget.x_project_performance_targets");
        var asPrinted = printed.Rows.Single(x => x.Label == "单个咨询专家劳务费");
        Assert.False(asPrinted.Texts!.ContainsKey("绩效指标性质") || asPrinted.Texts.ContainsKey("一级指标"));
    }

    [Fact]
    public void A_money_label_read_from_an_image_one_glyph_off_still_names_its_figures()
    {
        // A scanned Beijing 预算13表 whose money block OCR misread in one glyph (财政拔款 for 财政拨款): the department's
        // line keeps its 财政拨款 and the sources add up to 预算支出总额; from a text layer, a label as printed only.
        string[] Line(params string[] cells) => cells.Concat(Enumerable.Repeat("", 7 - cells.Length)).ToArray();
        (int, string[])[] Form(string fiscal) =>
        [
            (1, Line("部门名称", "某某局")),
            (1, Line("预算支出总额", fiscal, "", "", "其他资金")),
            (1, Line("", "合计", "基本支出", "项目支出", "合计", "基本支出", "项目支出")),
            (1, Line("1,935.36", "1,900.00", "1,200.00", "700.00", "35.36", "", "35.36")),
            (1, Line("活动", "绩效指标", "指标性质", "指标值", "度量单位")),
            (1, Line("数据管理", "产出指标数量指标数据目录编制", "≥", "12", "项")),
        ];
        var scanned = Assert.Single(TwoPages("预算13表 部门整体支出绩效目标表", Form("财政拔款"), fromImage: true).Tables, x => x.Id == "budget.x_department_performance_targets");
        var department = scanned.Rows.Single(x => x.Label == "某某局");
        Assert.Equal((1935.36m, 1900m, 1200m, 35.36m), (department.Values["预算支出总额"], department.Values["财政拨款"], department.Values["财政拨款/基本支出"], department.Values["其他资金"]));
        var printed = Assert.Single(TwoPages("预算13表 部门整体支出绩效目标表", Form("财政拔款")).Tables, x => x.Id == "budget.x_department_performance_targets");
        Assert.False(printed.Rows.Single(x => x.Label == "某某局").Values.ContainsKey("财政拨款"));
    }

    [Theory]
    [InlineData("续效指标性质", PerformanceFields.Comparison)]
    [InlineData("一缺指标", PerformanceFields.Level1)]
    [InlineData("实际完戍值", PerformanceFields.ActualValue)]
    [InlineData("王级指标", null)]          // as near 一级, 二级 and 三级指标: left as read
    [InlineData("分直", null)]              // too short: 分值 and 得分 are one glyph apart
    [InlineData("绩效指标性质", null)]      // a name as printed is Of's, not a near one
    [InlineData("项目负责人电话", null)]
    public void A_header_one_glyph_off_a_name_is_that_name_only_when_no_other_is_as_near(string read, string? field) =>
        Assert.Equal(field, PerformanceFields.NearOf(read)?.Field);

    [Theory]
    [InlineData("分值(90)", PerformanceFields.Weight)]
    [InlineData("本年绩效指标值", PerformanceFields.TargetValue)]
    [InlineData("其中：当年财政拨款", PerformanceFields.FundsFiscal)]
    [InlineData("偏差原因分析及改进措施", PerformanceFields.Deviation)]
    [InlineData("单位（项目）名称", PerformanceFields.ProjectName)]
    [InlineData("全年执行数(B)", PerformanceFields.Expenditure)]
    [InlineData("产出指标", null)]
    public void Fields_come_from_the_lexicon(string printed, string? field) =>
        Assert.Equal(field, PerformanceFields.Of(Core.Text.TextNormalizer.Normalize(printed)));
}
