using Extractor.Core.Report;
using Extractor.Sections.Candidates;
using Extractor.Sections.Learning;
using Extractor.Sections.Mapping;

namespace Extractor.Sections.Tests;

public sealed class NumberingTests
{
    [Theory]
    [InlineData("第三部分 2021年度部门决算情况说明", NumberingStyle.Part, 3)]
    [InlineData("第1部分 概况", NumberingStyle.Part, 1)]
    [InlineData("十一、一般性支出情况说明", NumberingStyle.ChineseComma, 11)]
    [InlineData("(二十三)其他", NumberingStyle.ChineseParen, 23)]
    [InlineData("(一) 项目基本情况", NumberingStyle.ChineseParen, 1)]
    [InlineData("3.加大对两定机构的监管力度", NumberingStyle.ArabicDot, 3)]
    [InlineData("12、行政审判庭", NumberingStyle.ArabicDot, 12)]
    [InlineData("( 1 )预算资金安排及使用情况", NumberingStyle.ArabicParen, 1)]
    [InlineData("②公务接待费", NumberingStyle.Circled, 2)]
    [InlineData("1.5万元用于", NumberingStyle.None, 0)]
    [InlineData("收入支出决算总表", NumberingStyle.None, 0)]
    [InlineData("(—)年度收入总体情况", NumberingStyle.ChineseParen, 1)]   // OCR of (一) and (二) on scanned pages
    [InlineData("C=)政府采购支出情况说明", NumberingStyle.ChineseParen, 2)]
    [InlineData("(-)资金使用情况", NumberingStyle.ChineseParen, 1)]
    [InlineData("(-1.5)万元", NumberingStyle.None, 0)]
    [InlineData("十 一、一般公共预算机关运行经费支出预算情况说明", NumberingStyle.ChineseComma, 11)]   // OCR gap inside the numeral
    public void Parses_style_and_ordinal(string line, NumberingStyle style, int ordinal)
    {
        var n = Numbering.Parse(line);
        Assert.Equal(style, n.Style);
        Assert.Equal(ordinal, n.Ordinal);
    }

    [Theory]
    [InlineData("二十", 20)]
    [InlineData("十四", 14)]
    [InlineData("九十九", 99)]
    [InlineData("两", 2)]
    public void Reads_chinese_numerals(string s, int n) => Assert.Equal(n, Numbering.ParseNumber(s));
}

public sealed class CandidateTests
{
    internal static IReadOnlyList<Section> Recognise(string kind, params string[] lines) =>
        TestDocuments.RulesOnly.Recognize(TestDocuments.Text(lines), TestDocuments.Profile(kind));

    [Fact]
    public void Toc_lines_are_not_headings_but_the_toc_heading_is()
    {
        var sections = Recognise(DocumentKinds.FinalAccount,
            "目录", "第一部分 部门概况.....4", "一、部门职责.....4", "第二部分 部门决算情况说明.....5",
            "第一部分 部门概况", "一、部门职责", "负责全市医疗保障工作。",
            "第二部分 部门决算情况说明", "一、收入支出决算总体情况说明", "2022年度收入、支出决算总计100万元。");
        Assert.Equal(["toc", "overview", "overview.functions", "explanation", "explanation.income_expenditure_total"], sections.Select(s => s.Id));
        Assert.Equal(3, sections.Single(s => s.Id == "toc").Text.Split('\n').Length);
    }

    [Fact]
    public void Table_rows_and_list_items_are_not_headings()
    {
        var sections = Recognise(DocumentKinds.FinalAccount,
            "第三部分 2022年度部门决算情况说明",
            "一、收入决算情况说明",
            "本年收入合计100万元。",
            "一、一般公共预算财政拨款收入", "105.06", "32",
            "(一)拟制全区医疗保险、生育保险、医疗救助等医疗保障制度的规范性文件,并组织实施。",
            "(一)因公出国(境)费0万元,与上年持平。",
            "二、支出决算情况说明", "本年支出合计90万元。");
        Assert.Equal(["explanation", "explanation.income", "explanation.expenditure"], sections.Select(s => s.Id));
    }

    [Fact]
    public void A_part_number_printed_alone_is_joined_with_its_title()
    {
        var sections = Recognise(DocumentKinds.FinalAccount, "第一部分", "", "怀化市医疗保障局", "", "概 况", "", "一、部门职责", "负责……。");
        Assert.Equal("overview", sections[0].Id);
        Assert.Contains("概", sections[0].Heading);
        Assert.Equal("overview.functions", sections[1].Id);
    }

    [Fact]
    public void Run_in_heading_takes_the_title_and_leaves_the_body()
    {
        var sections = Recognise(DocumentKinds.FinalAccount, "第一部分 概况", "二、机构设置及决算单位构成",
            "(一)内设机构设置。怀化市医疗保障事务中心内设机构为:综合部、待遇保障部、财务审核部。",
            "(二)决算单位构成。本部门决算仅含本级。");
        var units = sections.Single(s => s.Id == "overview.units");
        Assert.Equal("(二)决算单位构成", units.Heading);
        Assert.StartsWith("本部门决算仅含本级", units.Text);
        Assert.Equal(3, units.Level);
    }

    [Fact]
    public void Levels_follow_the_order_numbering_styles_appear_in()
    {
        var sections = Recognise(DocumentKinds.PerformanceEvaluation, "一、基本情况", "(一)项目概况", "1、项目背景", "正文。",
            "(1)预算资金安排", "正文。", "二、项目绩效目标", "正文。");
        Assert.Equal([1, 2, 3, 4, 1], sections.Select(s => s.Level));
        // 项目背景 is a named part of the project's profile (the labelled perfeval: overview.project.background); what
        // lies under it keeps that id.
        Assert.Equal(["overview", "overview.project", "overview.project.background", "overview.project.background", "perf.targets"], sections.Select(s => s.Id));
    }
}

public sealed class RuleTests
{
    private static readonly RuleSectionMapper Rules = new();
    private static string? Map(string heading, string? parentId, int level = 2, string kind = DocumentKinds.FinalAccount) =>
        Rules.Map(new HeadingExample(heading, "", level, 0.5, kind), parentId)?.Id;

    [Theory]
    [InlineData("第一部分 部门概况", "overview")]
    [InlineData("第二部分 2018年度预算表", "tables")]
    [InlineData("第三部分 2018年度部门预算情况说明", "explanation")]
    [InlineData("第四部分 名词解释", "glossary")]
    [InlineData("第五部分 附件", "attachments")]
    [InlineData("第三部分", "explanation")]
    public void Parts_by_keyword_then_by_position(string heading, string id) => Assert.Equal(id, Map(heading, null, 1));

    [Theory]
    [InlineData("七、财政拨款“三公”经费支出决算情况说明", "explanation.three_public")]
    [InlineData("九、一般公共预算“三公”经费、会议费、培训费支出预算情况说明", "explanation.three_public")]
    [InlineData("四、财政拨款收支预算总体情况说明", "explanation.fiscal_total")]
    [InlineData("四、财政拨款收入支出决算总体情况说明", "explanation.fiscal_total")]
    [InlineData("八、一般公共预算基本支出预算情况说明", "explanation.general_budget_basic_expenditure")]
    [InlineData("六、财政拨款基本支出预算情况说明", "explanation.fiscal_basic_expenditure")]
    [InlineData("十二、政府采购支出预算情况说明", "explanation.procurement")]
    [InlineData("五、举借政府债务情况的说明", "explanation.other")]
    public void Budgets_and_finals_map_alike(string heading, string id) => Assert.Equal(id, Map(heading, "explanation"));

    [Fact]
    public void Sub_headings_read_against_their_parent()
    {
        Assert.Equal("explanation.three_public.total", Map("(一)“三公”经费财政拨款支出决算总体情况说明", "explanation.three_public", 3));
        Assert.Equal("explanation.fiscal_total.income", Map("(一)2019年度财政拨款收入说明", "explanation.fiscal_total", 3));
        Assert.Equal("explanation.general_budget_expenditure", Map("(二)财政拨款支出决算结构情况", "explanation.general_budget_expenditure", 3));
        Assert.Equal("glossary", Map("一、机关运行经费", "glossary"));
        Assert.Equal("perf.problems", Map("(二)资金下拨进度慢,资金效益未及时发挥", "perf.problems", 3, DocumentKinds.PerformanceEvaluation));
    }

    [Theory]
    [InlineData("收入支出决算总表", "overview.units")]
    [InlineData("一般公共预算财政拨款基本支出决算表", "overview.units")]
    [InlineData("2026年部门财务收支预算总表", null)]
    [InlineData("财政拨款收入支出决算总表(续)", "explanation")]
    public void A_table_title_belongs_to_the_tables_part_wherever_the_tree_put_it(string heading, string? parentId) =>
        Assert.Equal("tables", Map(heading, parentId, parentId is null ? 1 : 2));

    [Fact]
    public void A_numbered_heading_naming_a_table_is_not_taken_for_its_title() =>
        Assert.Equal("explanation.income_expenditure_total", Map("一、收入支出决算总表情况说明", "explanation"));

    [Fact]
    public void Combiner_prefers_confident_rules_and_otherwise_a_surer_model()
    {
        var c = new RulesFirstCombiner();
        Assert.Equal("a", c.Combine(new("a", 0.9, "rule"), new("b", 0.99, "model"))!.Id);
        Assert.Equal("b", c.Combine(new("a", 0.55, "rule"), new("b", 0.7, "model"))!.Id);
        Assert.Equal("a", c.Combine(new("a", 0.55, "rule"), new("b", 0.4, "model"))!.Id);
        Assert.Equal("b", c.Combine(null, new("b", 0.5, "model"))!.Id);
        Assert.Null(c.Combine(null, new("b", 0.2, "model")));
        Assert.Equal("a", c.Combine(new("a", 0.5, "rule"), null)!.Id);
    }
}

public sealed class LearningTests
{
    [Fact]
    public void Split_is_stable_and_keeps_rare_ids_in_training()
    {
        var rows = HeadingLabels.Read(TestDocuments.LabelsPath);
        var (train, test) = SectionTraining.Split(rows);
        Assert.Equal(test, SectionTraining.Split(rows).Test);
        Assert.Equal(rows.Count, train.Count + test.Count);
        var rare = rows.GroupBy(r => r.Id).Where(g => g.Count() < 3).SelectMany(g => g).ToHashSet();
        Assert.DoesNotContain(test, i => rare.Contains(rows[i]));
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Model_round_trips_through_its_file()
    {
        var rows = HeadingLabels.Read(TestDocuments.LabelsPath);
        var rules = new RuleSectionMapper();
        var examples = HeadingLabels.ToExamples(rows, rules);
        var model = SectionTraining.Train(examples, Enumerable.Range(0, rows.Count), rules);
        var path = Path.Combine(Path.GetTempPath(), $"sections-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(path);
            var loaded = MlSectionClassifier.Load(path);
            foreach (var ex in examples.Take(20))
            {
                var rule = rules.Map(ex, ex.ParentRuleId)?.Id;
                Assert.Equal(model.Predict(ex, rule)!.Id, loaded.Predict(ex, rule)!.Id);
            }
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Labels_file_round_trips()
    {
        var rows = HeadingLabels.Read(TestDocuments.LabelsPath);
        var w = new StringWriter();
        HeadingLabels.Write(w, rows.Take(5));
        var path = Path.Combine(Path.GetTempPath(), $"labels-{Guid.NewGuid():N}.tsv");
        try
        {
            File.WriteAllText(path, w.ToString());
            Assert.Equal(rows.Take(5), HeadingLabels.Read(path));
        }
        finally { File.Delete(path); }
    }
}

public sealed class TypographyWithoutGeometryTests
{
    /// <summary>HTML and Word readers give size, weight and hN but no boxes: no margin or wrap test may fire.</summary>
    [Fact]
    public void Html_headings_are_found_from_marked_levels_and_size()
    {
        Extractor.Core.Layout.TextLine Line(string text, double size = 12, string font = "html", bool bold = false) =>
            new(Extractor.Core.Text.TextNormalizer.Normalize(text), default, [new(text, default, size, font, bold)]);
        var lines = new[]
        {
            Line("郑州市国土资源局2015年度部门预算公开情况说明", 22, "html-h1", true),
            Line("一、部门概况"),
            Line("(一)主要职能", 12, "html", true),
            Line("郑州市国土资源局是主管全市土地、矿产等自然资源的市政府工作部门,主要职责是负责全市国土资源的规划、管理、保护与合理利用。"),
            Line("二、收入预算情况说明"),
            Line("2015年收入预算1000万元,其中一般公共预算拨款1000万元,比上年增加100万元,主要原因是人员增加。"),
        };
        var page = new Extractor.Core.Layout.PageContent(1, 0, 0, [], lines, []);
        var doc = new Extractor.Core.Layout.DocumentContent("0", "x.html", "text/html", [page], [], new Dictionary<string, string>());
        var sections = TestDocuments.RulesOnly.Recognize(doc, TestDocuments.Profile(DocumentKinds.Budget));
        Assert.Equal(["郑州市国土资源局2015年度部门预算公开情况说明", "一、部门概况", "(一)主要职能", "二、收入预算情况说明"], sections.Select(s => s.Heading));
        Assert.Equal([1, 2, 3, 2], sections.Select(s => s.Level));
        Assert.Equal("explanation", sections[0].Id);
        Assert.Equal("overview.functions", sections[2].Id);
        Assert.Equal("explanation.income", sections[3].Id);
    }
}

/// <summary>A report built page by page from lines with a type size each (no positions: the rules alone decide).</summary>
internal static class BuiltReport
{
    public static Extractor.Core.Layout.TextLine Line(string text, double size = 12) =>
        new(Extractor.Core.Text.TextNormalizer.Normalize(text), default, [new(text, default, size, "pdf", false)]);

    public static Extractor.Core.Layout.PageContent Page(int number, params Extractor.Core.Layout.TextLine[] lines) => new(number, 0, 0, [], lines, []);

    public static Extractor.Core.Layout.DocumentContent Of(Extractor.Core.Layout.PageContent[] pages) =>
        new("0", "x.pdf", "application/pdf", pages, [], new Dictionary<string, string>());
}

public sealed class TablesPartTests
{
    /// <summary>
    /// The part after the last table (其他相关情况说明) set no larger than the tables' titles, as a coarse scan reads
    /// them: under the tables part by size, yet the 目录 lists it, so it is a part of its own with its topics.
    /// </summary>
    [Fact]
    public void A_heading_the_toc_lists_after_the_tables_is_not_inside_them()
    {
        var pages = new[]
        {
            BuiltReport.Page(1, BuiltReport.Line("目录", 18), BuiltReport.Line("一、部门主要职能……1"), BuiltReport.Line("二、部门预算表……2"), BuiltReport.Line("2026年部门财务收支预算总表……2"), BuiltReport.Line("三、其他相关情况说明……3")),
            BuiltReport.Page(2, BuiltReport.Line("2026年部门财务收支预算总表", 18), BuiltReport.Line("编制部门:某区司法局 单位:元"), BuiltReport.Line("项目 预算数 项目 预算数")),
            BuiltReport.Page(3, BuiltReport.Line("其他相关情况说明", 14),
                BuiltReport.Line("一、2026年“三公”经费预算情况说明", 14),
                BuiltReport.Line("2026年“三公”经费预算数为10.81万元,比2025年预算持平。其中:因公出国(境)费0万元,与2025年预算持平。"),
                BuiltReport.Line("二、机关运行经费预算"),
                BuiltReport.Line("2026年下属1家机关财政拨款的机关运行经费预算为217.83万元,主要用于保障机关日常运转。")),
        };
        var doc = BuiltReport.Of(pages);
        var sections = TestDocuments.RulesOnly.Recognize(doc, TestDocuments.Profile(DocumentKinds.Budget));
        var all = string.Join(" / ", TestDocuments.RulesOnly.Analyse(doc, DocumentKinds.Budget).Select(h => $"{h.Node.Heading}:{h.Node.Level}:{h.Final?.Id}:{h.Node.Candidate.Evidence}"));
        Assert.True(sections.Any(s => s.Id == "tables"), all);
        Assert.Equal(["explanation.other", "explanation.three_public", "explanation.operating_costs"],
            sections.SkipWhile(s => s.Id != "explanation.other").Select(s => s.Id));
    }
}

public sealed class TocWithoutLeadersTests
{
    /// <summary>
    /// A 目录 without dotted leaders (OCR drops them; some producers print none) runs on to the prose: the first line of
    /// the next page, the body's first heading, is given back to the body.
    /// </summary>
    [Fact]
    public void The_heading_that_opens_the_page_after_a_toc_without_leaders_is_a_heading()
    {
        var pages = new[]
        {
            BuiltReport.Page(1, BuiltReport.Line("目录", 18), BuiltReport.Line("一、部门主要职能"), BuiltReport.Line("二、部门机构设置"), BuiltReport.Line("三、名词解释")),
            BuiltReport.Page(2, BuiltReport.Line("上海市某区司法局主要职能", 18),
                BuiltReport.Line("上海市某区司法局是主管本区司法和法制工作的区政府工作部门,主要职责是:贯彻执行国家和本市有关司法行政工作的法律、法规。")),
            BuiltReport.Page(3, BuiltReport.Line("上海市某区司法局机构设置", 18),
                BuiltReport.Line("上海市某区司法局部门预算是包括区司法局本部以及下属1家预算单位的综合收支计划。")),
        };
        var doc = BuiltReport.Of(pages);
        var lines = Extractor.Sections.Candidates.DocLine.Flatten(doc);
        Assert.DoesNotContain(lines.First(l => l.Text == "上海市某区司法局主要职能").Index, Extractor.Sections.Candidates.TocReader.Read(lines).Lines);
        var sections = TestDocuments.RulesOnly.Recognize(doc, TestDocuments.Profile(DocumentKinds.Budget));
        Assert.Equal(["toc", "overview.functions", "overview.organization"], sections.Select(s => s.Id));
    }
}

public class SubTopicTests
{
    private static IReadOnlyList<Section> Recognise(string kind, params string[] lines) => CandidateTests.Recognise(kind, lines);

    [Fact]
    public void A_sub_heading_naming_a_part_of_its_parent_takes_the_parents_id_with_that_suffix()
    {
        var sections = Recognise(DocumentKinds.FinalAccount, "四、名词解释", "(一)支出功能分类科目说明", "正文。", "(二)收入科目说明", "正文。",
            "(三)事业收入", "正文。");
        Assert.Equal(["glossary", "glossary.function_classification", "glossary.income", "glossary"], sections.Select(s => s.Id));
    }

    [Fact]
    public void Targets_split_into_overall_and_annual_but_a_heading_for_both_stays_the_whole()
    {
        var sections = Recognise(DocumentKinds.PerformanceEvaluation, "一、项目绩效目标", "正文。", "(一)项目绩效总目标", "正文。",
            "(二)2020年项目绩效目标", "正文。", "二、项目绩效目标", "1、项目绩效总目标和阶段性目标", "正文。");
        Assert.Equal(["perf.targets", "perf.targets.overall", "perf.targets.annual", "perf.targets", "perf.targets"], sections.Select(s => s.Id));
    }
}

public class TopLevelExplanationTests
{
    [Fact]
    public void Numbered_explanations_at_the_top_are_their_topic_and_a_part_heading_stays_the_part()
    {
        // No 第X部分 above them (a report without parts, or a scan whose part heading OCR garbled).
        var sections = CandidateTests.Recognise(DocumentKinds.Budget, "一、部门预算情况说明", "正文。", "二、收支预算总体情况说明", "正文。",
            "三、财政拨款收支预算总体情况说明", "正文。");
        Assert.Equal(["explanation", "explanation.income_expenditure_total", "explanation.fiscal_total"], sections.Select(s => s.Id));
    }

    [Fact]
    public void A_numeral_OCR_split_with_a_space_still_numbers_a_heading()
    {
        var sections = CandidateTests.Recognise(DocumentKinds.Budget, "第三部分 部门预算情况说明", "十、政府性基金预算支出预算情况说明", "正文。",
            "十 一、一般公共预算机关运行经费支出预算情况说明", "正文。");
        Assert.Equal(["explanation", "explanation.government_fund", "explanation.operating_costs"], sections.Select(s => s.Id));
    }
}
