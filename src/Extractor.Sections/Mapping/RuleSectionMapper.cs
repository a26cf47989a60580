using System.Text.RegularExpressions;
using Extractor.Core.Report;
using Extractor.Core.Text;
using Extractor.Sections.Candidates;

namespace Extractor.Sections.Mapping;

/// <summary>Maps one heading to a SCHEMA §3 id by rules; null when no rule applies.</summary>
public interface ISectionRuleMapper
{
    /// <param name="example">the heading, its parent heading, level, position and document kind</param>
    /// <param name="parentId">the id already given to the parent heading (null at the top)</param>
    SectionGuess? Map(HeadingExample example, string? parentId);
}

/// <summary>
/// Keyword and position rules for the report templates the Ministry of Finance prescribes. The order of
/// the tests matters: topic words (三公, 政府采购 …) are more telling than money-flow words (收入, 支出),
/// which nearly every heading contains, so topics are tested first. Confidence reflects how often a
/// rule is right in the labelled set: ≥ 0.85 means the model is not consulted.
/// </summary>
public sealed partial class RuleSectionMapper : ISectionRuleMapper
{
    [GeneratedRegex(@"^\d{4}年度?")] private static partial Regex LeadingYearRx();
    [GeneratedRegex(@"(?:总表|[算计出入细况金费]表)(?:\(续\d*\)|续表?)?$")] private static partial Regex TableTitleRx();

    // The rules use some 45 patterns; Regex's static methods cache only 15, so every heading re-parsed most of them.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Patterns = new();

    private static Regex Rx(string pattern) => Patterns.GetOrAdd(pattern, p => new Regex(p));

    private static readonly (string Pattern, string Id, double Confidence)[] Topics =
    [
        ("三公", "explanation.three_public", 0.95),
        ("机关运行经费|机关运行费", "explanation.operating_costs", 0.95),
        ("一般性支出|会议费|培训费|节庆", "explanation.general_expenses", 0.9),
        ("政府采购", "explanation.procurement", 0.95),
        ("国有资产|资产占用|资产占有", "explanation.state_assets", 0.95),
        ("绩效", "explanation.performance", 0.9),
        ("政府性基金", "explanation.government_fund", 0.9),
        ("国有资本经营", "explanation.state_capital", 0.9),
        ("其他重要事项|其他相关情况|其他情况|其他需要说明|举借|债务|专项转移支付|财政专项", "explanation.other", 0.88),
        ("项目支出|项目经费|重点项目|项目情况|专项.{0,8}经费|专项资金", "explanation.projects", 0.85),
    ];

    // Money-flow headings, most specific first.
    private static readonly (string Pattern, string Id, double Confidence)[] Flows =
    [
        ("一般公共预算.*基本支出", "explanation.general_budget_basic_expenditure", 0.9),
        ("一般公共预算.*支出", "explanation.general_budget_expenditure", 0.9),
        ("财政拨款.*基本支出", "explanation.fiscal_basic_expenditure", 0.9),
        ("财政拨款.*(?:收入支出|收支)", "explanation.fiscal_total", 0.9),
        ("财政拨款.*支出", "explanation.fiscal_expenditure", 0.9),
        ("(?:收入支出|收支).*(?:总体|总表|总计|情况)", "explanation.income_expenditure_total", 0.9),
        ("收入", "explanation.income", 0.85),
        ("支出", "explanation.expenditure", 0.85),
    ];

    private static readonly (string Pattern, string Id, double Confidence)[] Overview =
    [
        ("职责|职能", "overview.functions", 0.9),
        ("机构设置|内设机构|机构组成|机构情况|机构和", "overview.organization", 0.9),
        ("单位构成|所属单位|单位组成|单位情况", "overview.units", 0.9),
        ("工作任务|工作目标|主要任务|工作计划|工作要点", "overview.tasks", 0.88),
        ("人员", "overview.staff", 0.88),
        ("编制.*依据|测算|编制依据", "overview.budget_basis", 0.88),
    ];

    private static readonly (string Pattern, string Id, double Confidence)[] Performance =
    [
        ("项目概况|项目基本情况|项目概述", "overview.project", 0.9),
        ("职能|职责", "overview.functions", 0.85),
        ("其他需要说明|其他说明|其他事项", "explanation.other", 0.85),
        ("评价工作|评价过程|工作开展|组织实施", "overview", 0.7),
        ("指标分析|指标完成", "perf.outputs", 0.8),
        ("结论|得分|评分|综合评价", "perf.conclusion", 0.88),
        ("问题", "perf.problems", 0.88),
        ("建议|改进|措施|整改", "perf.suggestions", 0.88),
        ("绩效目标(?!完成)", "perf.targets", 0.88),
        ("产出|效益|效果|绩效情况|完成情况|成果|绩效分析", "perf.outputs", 0.85),
    ];

    public SectionGuess? Map(HeadingExample example, string? parentId)
    {
        var heading = example.Heading;
        var number = Numbering.Parse(heading);
        var title = TextNormalizer.Compact(number.Style == NumberingStyle.None ? heading : number.Title);
        var titleWithYear = title;
        title = LeadingYearRx().Replace(title, "");
        var root = parentId?.Split('.')[0];
        var top = example.Level <= 1 || parentId is null;
        var perf = example.Kind == DocumentKinds.PerformanceEvaluation || root == "perf" || parentId?.StartsWith("overview.project") == true;

        if (title is "目录" or "目次") return new("toc", 1.0, "rule:toc");
        if (title.StartsWith("名词解释")) return new("glossary", 0.97, "rule:glossary");
        if (Rx(@"^(?:附件|附表|附录)").IsMatch(title)) return new("attachments", 0.92, "rule:attachments");

        // A sub-heading that only names which part of its parent it covers takes the parent's id with that
        // part's suffix (SCHEMA §3): 名词解释 (一)支出功能分类科目说明 → glossary.function_classification.
        if (!top && SubTopic(parentId!, titleWithYear) is { } sub) return new(sub, 0.85, "rule:sub-topic");

        // Inside the glossary, attachments and tables every sub-heading belongs to its part.
        if (!top && root is "glossary" or "attachments" or "tables")
            return new(parentId!, 0.6, "rule:inherit");

        if (perf && !(top && number.Style == NumberingStyle.Part))
        {
            // Findings listed under 问题/建议/产出 are that part's items whatever words they use.
            if (!top && parentId is "perf.problems" or "perf.suggestions" or "perf.outputs" or "perf.conclusion" or "perf.targets")
            {
                // Under 绩效目标 the department's duties are sometimes restated (部门职能、职责).
                if (parentId == "perf.targets" && Rx("职能|职责").IsMatch(title)) return new("overview.functions", 0.85, "rule:perf");
                // Targets split by report (总目标, 年度目标 …): leave room for the model's learnt sub-ids.
                return new(parentId!, parentId == "perf.targets" ? 0.6 : 0.8, "rule:perf-inherit");
            }
            if (top && title.Contains("基本情况") && !title.Contains("项目")) return new("overview", 0.85, "rule:perf-overview");
            foreach (var (p, id, conf) in Performance)
                if (Rx(p).IsMatch(title)) return new(id, conf, "rule:perf");
            if (!top) return new(parentId!, 0.55, "rule:inherit");
            return null;
        }

        // A table's own title printed above it (收入支出决算总表, 部门支出预算总表) belongs to the tables part, at whatever
        // level the tree put it: under 部门决算单位构成 it is not that section's text.
        if (number.Style == NumberingStyle.None && TableTitleRx().IsMatch(title)) return new("tables", 0.85, "rule:table-title");

        if (top)
        {
            var part = PartOf(title, number);
            // A top heading that names one explanation topic (其他相关情况说明) is that topic, not the part.
            if (part is null or "explanation" && number.Style != NumberingStyle.Part)
            {
                foreach (var (p, id, conf) in Overview)
                    if (Rx(p).IsMatch(title)) return new(id, conf - 0.05, "rule:overview-top");
                foreach (var (p, id, conf) in Topics)
                    if (Rx(p).IsMatch(title)) return new(id, conf - 0.05, "rule:topic-top");
                // Reports without parts number their explanations at the top (三、部门收支总体情况), and so does a
                // report whose part heading OCR garbled (四、财政拨款收支预算总体情况说明 is no part, whatever its 说明).
                if (part is null || number.Style != NumberingStyle.None && !PartLike(title))
                    foreach (var (p, id, conf) in Flows)
                        if (Rx(p).IsMatch(title)) return new(id, conf - 0.1, "rule:flow-top");
            }
            if (part is not null) return new(part, number.Style == NumberingStyle.Part ? 0.95 : 0.88, "rule:part");
            if (number.Style == NumberingStyle.Part && number.Ordinal is >= 1 and <= 5)
                return new(number.Ordinal switch { 1 => "overview", 2 => "tables", 3 => "explanation", 4 => "glossary", _ => "attachments" }, 0.6, "rule:part-order");
            return null;
        }

        if (root == "overview")
        {
            // Items under 职能/工作任务 are duties and tasks whatever they mention (…公共利益代表者职责).
            if (parentId is "overview.functions" or "overview.tasks") return new(parentId, 0.8, "rule:inherit");
            // The keyword printed first names the section: 部门决算单位构成(…机构设置) is units,
            // 部门机构设置和所属单位情况 is organization.
            var first = Overview.Select(r => (r.Id, r.Confidence, At: Rx(r.Pattern).Match(title)))
                .Where(r => r.At.Success).OrderBy(r => r.At.Index).FirstOrDefault();
            if (first.Id is not null) return new(first.Id, first.Confidence, "rule:overview");
            if (title.Contains("基本情况")) return new("overview.functions", 0.6, "rule:overview-basic");
            return new(parentId!, 0.55, "rule:inherit");
        }

        // Explanation (or no part known): topic first, then money flow, read against the parent.
        var specificParent = parentId is not null && parentId.StartsWith("explanation.") ? parentId : null;
        if (specificParent == "explanation.three_public")
        {
            if (title.Contains("总体")) return new("explanation.three_public.total", 0.85, "rule:three-public");
            if (Rx("具体|明细").IsMatch(title)) return new("explanation.three_public.detail", 0.85, "rule:three-public");
        }
        // A project's description follows a fixed outline (概述, 立项依据 … 绩效目标): all of it is the project's.
        if (specificParent == "explanation.projects") return new(specificParent, 0.8, "rule:inherit");
        foreach (var (p, id, conf) in Topics)
            if (Rx(p).IsMatch(title))
                return specificParent is not null && id == "explanation.three_public" && specificParent.StartsWith(id)
                    ? new(specificParent, 0.7, "rule:inherit") : new(id, conf, "rule:topic");
        foreach (var (p, id, conf) in Flows)
        {
            if (!Rx(p).IsMatch(title)) continue;
            if (specificParent is null) return new(id, conf, "rule:flow");
            // Sub-headings of a money-flow heading: the labelled reports split 收入/支出 this way.
            if (specificParent == "explanation.income_expenditure_total" && id is "explanation.income" or "explanation.expenditure")
                return new(id, 0.8, "rule:flow-child");
            if (specificParent == "explanation.fiscal_total")
                return id == "explanation.income" || (title.Contains("收入") && !title.Contains("支出"))
                    ? new("explanation.fiscal_total.income", 0.75, "rule:flow-child")
                    : new(id == "explanation.fiscal_total" ? id : "explanation.fiscal_expenditure", 0.75, "rule:flow-child");
            return new(specificParent, 0.7, "rule:inherit");
        }
        if (specificParent is not null) return new(specificParent, 0.55, "rule:inherit");
        // Some reports put the department's profile inside the explanation part (一、部门情况说明 (一)本部门职责情况).
        foreach (var (p, id, conf) in Overview)
            if (Rx(p).IsMatch(title)) return new(id, conf - 0.2, "rule:overview-in-explanation");
        if (parentId is not null) return new(parentId, 0.4, "rule:inherit");
        return null;
    }

    // Per parent id: what a sub-heading names → the suffix it gets, first match wins.
    private static readonly Dictionary<string, (string Pattern, string Suffix)[]> SubTopics = new()
    {
        // Groups of terms (收入科目说明), not the terms themselves (事业收入), which stay glossary.
        ["glossary"] = [("功能分类", "function_classification"), ("经济分类", "economic_classification"),
            ("收入科目|收入类", "income"), ("支出科目|支出类", "expenditure")],
        ["overview.project"] = [("背景|立项", "background"), ("主要内容|项目内容|建设内容", "content"),
            ("资金", "funds"), ("实施情况|实施过程|组织实施", "implementation")],
        ["overview.project.funds"] = [("预算|安排|计划|来源", "budget"), ("执行|实际|使用", "execution")],
        // Not a heading for both (项目绩效总目标和阶段性目标): that one is the targets as a whole.
        ["perf.targets"] = [("^(?!.*(年度|\\d{4}年|阶段)).*(总目标|总体目标)", "overall"), ("^(?!.*总目标).*(年度|\\d{4}年)", "annual")],
    };

    private static string? SubTopic(string parentId, string title)
    {
        if (!SubTopics.TryGetValue(parentId, out var rules)) return null;
        foreach (var (pattern, suffix) in rules)
            if (Rx(pattern).IsMatch(title)) return parentId + "." + suffix;
        return null;
    }

    /// <summary>A heading that names a whole part (部门预算情况说明, 收支预算情况说明), not one of its sections.</summary>
    private static bool PartLike(string title) => Rx(@"^(?:\d{4}年度?)?(?:部门|单位|本部门)?(?:收支)?(?:决算|预算)(?:公开)?(?:情况)?说明$").IsMatch(title);

    /// <summary>The part a top-level heading names: 概况, …表, …说明, 名词解释.</summary>
    private static string? PartOf(string title, Numbered number)
    {
        if (Rx("概况|基本情况").IsMatch(title)) return "overview";
        if (Rx("说明|决算情况|预算情况").IsMatch(title)) return "explanation";
        if (Rx("表|表格").IsMatch(title)) return "tables";
        return null;
    }
}
