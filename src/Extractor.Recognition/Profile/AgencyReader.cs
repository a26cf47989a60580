using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// The agency as printed: a labelled field on the cover (预算主管部门: …) beats the cover title with
/// year and kind words removed, which beats the 部门:/编制单位: fields of the table captions and the labelled cells
/// of the tables (部门名称 | XX市XX局); then the subject of the duty statement, a cover's author line, and last
/// the name that opens the explanation's sentences.
/// </summary>
internal static partial class AgencyReader
{
    [GeneratedRegex(@"^(预算主管部门|主管预算单位|预算单位|部门名称|单位名称|编制部门|编制单位|填报单位|评价项目单位|项目单位|项目主管部门|主管部门|部门|单位)[:]\s*(?<name>[^\s:]+)")]
    private static partial Regex LabelledField();

    [GeneratedRegex(@"(\d{4}|[零一二三四五六七八九]{4})年度?|(区级|市级|省级|县级|本级)?(部门|单位)?(整体)?(预算|决算)(公开)?(信息)?(公开)?(情况)?(说明|报告)?|部门$|单位$|公开$")]
    private static partial Regex TitleNoise();

    [GeneratedRegex(@"[(](本级|汇总|部门汇总|单位汇总|含下属单位)[)]")]
    private static partial Regex ScopeNote();

    public static Evidence? Read(IReadOnlyList<PrintedLine> cover, DocumentContent content, IReadOnlyList<RawTable> tables)
    {
        foreach (var line in cover)
            if (!CoverLines.IsPageChrome(line.Text) && FromField(line.Text) is { } name) return new Evidence(name, line.Page);

        var titleLines = CoverLines.Title(cover).TakeWhile(l => !LabelledField().IsMatch(l.Text) && !IsDate(l.Text)).ToList();
        if (FromTitle(string.Concat(titleLines.Select(l => l.Text))) is { } fromTitle) return new Evidence(fromTitle, cover[0].Page);
        if (FromPageTitle(content) is { } fromPageTitle) return fromPageTitle;
        if (FromOverviewHeading(content) is { } fromHeading) return fromHeading;

        var votes = new Dictionary<string, (int Count, int Page)>();
        void Vote(string? name, int page)
        {
            if (name is null) return;
            votes[name] = votes.TryGetValue(name, out var v) ? (v.Count + 1, v.Page) : (1, page);
        }
        foreach (var t in tables) foreach (var c in t.Caption) Vote(FromField(TextNormalizer.Compact(c)), t.PageStart);
        foreach (var (name, page) in LabelledCells.OwnNames(tables)) Vote(name, page);
        if (votes.Count == 0)
            foreach (var page in content.Pages.Take(40))
                foreach (var line in page.Lines.Take(6)) Vote(FromField(line.Text), page.Number);
        // A body named only as the one in charge (主管部门 of each project's target form).
        if (votes.Count == 0)
            foreach (var (name, page) in LabelledCells.SupervisorNames(tables)) Vote(name, page);
        if (votes.Count > 0) return votes.OrderByDescending(v => v.Value.Count).Select(v => new Evidence(v.Key, v.Value.Page)).First();
        return FromDutyStatement(content) ?? FromAuthorLine(cover) ?? FromRunningText(content);
    }

    [GeneratedRegex(@"^(?<name>[\u4E00-\u9FFF()]{4,30}?(局|厅|部|委员会|院|办公厅|办公室|中心|大学|学校|政府|办事处|馆|站|队))(是|属于|主要职责|的主要职责|主要职能|的主要职能|职责|负责)")]
    private static partial Regex DutySubject();

    /// <summary>
    /// A report without a name on its cover still says who it is where it states its duties: the paragraph under
    /// 部门职责/主要职能 opens with the body's name (XX市人民政府办公厅主要职责包括:, XX市XX办公室是市政府直属机构).
    /// </summary>
    private static Evidence? FromDutyStatement(DocumentContent content)
    {
        foreach (var page in content.Pages.Take(8))
        {
            var lines = page.Lines.Select(l => TextNormalizer.Compact(l.Text)).ToList();
            for (var i = 1; i < lines.Count; i++)
            {
                var heading = lines[Math.Max(0, i - 2)..i].LastOrDefault(h => h.Length is > 0 and <= 30);
                if (heading is null || !(heading.Contains("职责") || heading.Contains("职能"))) continue;
                var m = DutySubject().Match(lines[i]);
                if (m.Success) return new Evidence(Clean(m.Groups["name"].Value), page.Number);
            }
        }
        return null;
    }

    /// <summary>A cover whose only name is an author line (XX市XX局 under the title of a document that is no report).</summary>
    private static Evidence? FromAuthorLine(IReadOnlyList<PrintedLine> cover)
    {
        foreach (var line in cover)
            if (OrganisationName.FirstOf(line.Text) is { } name && IsPlaceQualified(name)) return new Evidence(name, line.Page);
        return null;
    }

    /// <summary>A full name begins with its place or party (北京市…, 中共…, 国家…), unlike a bare 办公室.</summary>
    private static bool IsPlaceQualified(string name) => PlacePrefix().IsMatch(name);

    [GeneratedRegex(@"^(中共|中国|国家|首都|.{1,6}?(省|市|区|县|州|旗|盟))")]
    private static partial Regex PlacePrefix();

    [GeneratedRegex(@"^(?<name>[\u4E00-\u9FFF()]{3,30}?(局|厅|部|委员会|院|办公室|中心|大学|学校|政府|办事处))((19|20)\d{2}年度?|本年)")]
    private static partial Regex SubjectOfSentence();

    /// <summary>
    /// A cover printed as an image leaves only the explanation, whose sentences open with the agency
    /// ("江苏省政协办公厅2019年度收入、支出预算总计…"): the name that opens most such sentences.
    /// </summary>
    private static Evidence? FromRunningText(DocumentContent content)
    {
        var votes = new Dictionary<string, (int Count, int Page)>();
        foreach (var page in content.Pages)
            foreach (var line in page.Lines)
            {
                var m = SubjectOfSentence().Match(TextNormalizer.Compact(line.Text));
                if (!m.Success) continue;
                var name = Clean(m.Groups["name"].Value);
                votes[name] = votes.TryGetValue(name, out var v) ? (v.Count + 1, v.Page) : (1, page.Number);
            }
        var best = votes.OrderByDescending(v => v.Value.Count).FirstOrDefault();
        return best.Value.Count >= 2 ? new Evidence(best.Key, best.Value.Page) : null;
    }

    private static string? FromField(string compactLine)
    {
        var m = LabelledField().Match(TextNormalizer.Compact(compactLine));
        if (!m.Success) return null;
        var name = m.Groups["name"].Value;
        // "单位:万元" labels the money unit, not the agency; a following "单位:" field ends the name.
        var cut = UnitField().Match(name);
        if (cut.Success) name = name[..cut.Index];
        name = Clean(name);
        // A line that starts with 单位: because a sentence wrapped there ("…代管事业/单位:XX中心;全市14个区…") is prose.
        if (ClausePunctuation().IsMatch(name)) return null;
        if (name.Length < 2 || name is "万元" or "元" or "亿元" || name.StartsWith("万元") || name.StartsWith("元")) return null;
        return name;
    }

    /// <summary>
    /// The cover title less its year and kind words ("XX市XX办公室部门 2026 年度部门预算 信息公开"): the part before
    /// them, or after a dash, that ends like an organ. A title that names no year and no report is not a report's
    /// title (工作岗位规范 / XX市XX局), and gives no agency here.
    /// </summary>
    private static string? FromTitle(string title)
    {
        if (!TitleNoise().IsMatch(title)) return null;
        // "2020年度部门决算公开——咸宁市咸安区医疗保障局": either side of a dash may carry the name.
        foreach (var part in title.Split(['—', '-'], StringSplitOptions.RemoveEmptyEntries).Reverse())
        {
            foreach (var piece in TitleNoise().Replace(part, "|").Split('|'))
            {
                var name = Clean(TrailingNoise().Replace(piece, string.Empty));
                if (name.Length >= 3 && OrganisationName.HasSuffix(name)) return name;
            }
            var whole = Clean(TitleNoise().Replace(part, string.Empty));
            // A performance report names its project after the agency: "…事务中心专项资金绩效自评报告".
            var project = ProjectWords().Match(whole);
            if (project.Success && project.Index >= 3)
            {
                var head = whole[..project.Index];
                for (var end = head.Length; end >= 3; end--)
                    if (OrganisationName.HasSuffix(head[..end])) return head[..end];
            }
        }
        return null;
    }

    /// <summary>
    /// A web page's own &lt;title&gt; ("永州市冷水滩区医疗保障局2024年部门预算公开_冷水滩区人民政府"): the piece that names the
    /// report (预算/决算/绩效), read like a cover title; the site's name beside it is not the agency.
    /// </summary>
    private static Evidence? FromPageTitle(DocumentContent content)
    {
        if (content.MediaType != "text/html" || !content.Info.TryGetValue("Title", out var pageTitle)) return null;
        foreach (var piece in TitlePieces().Split(TextNormalizer.Compact(pageTitle)))
            if ((piece.Contains("预算") || piece.Contains("决算") || piece.Contains("绩效")) && FromTitle(piece) is { } name)
                return new Evidence(name, 0, "html.title");
        return null;
    }

    [GeneratedRegex(@"[_|—–\-]+|::")]
    private static partial Regex TitlePieces();

    /// <summary>Words left at a name's end when the year and kind are cut out: XX市XX局部门, …信息, …公开.</summary>
    [GeneratedRegex(@"((部门|单位|信息|公开|的)+)$")]
    private static partial Regex TrailingNoise();

    [GeneratedRegex(@"[,，;；。、!！?？]")]
    private static partial Regex ClausePunctuation();

    [GeneratedRegex("专项|项目|资金|绩效")]
    private static partial Regex ProjectWords();

    [GeneratedRegex(@"^第[一1]部分(?<name>.+?)(部门|单位)?(基本)?概况$")]
    private static partial Regex OverviewHeading();

    /// <summary>"第一部分 怀化市医疗保障局概况": the overview part is headed by the agency's name.</summary>
    private static Evidence? FromOverviewHeading(DocumentContent content)
    {
        foreach (var part in CoverLines.PartHeadings(content, maxPages: 6))
        {
            var m = OverviewHeading().Match(part.Text);
            if (!m.Success) continue;
            var name = Clean(TitleNoise().Replace(m.Groups["name"].Value, string.Empty));
            if (name.Length >= 3 && OrganisationName.HasSuffix(name)) return new Evidence(name, part.Page);
        }
        return null;
    }

    /// <summary>
    /// An agency's name starts with a Chinese character: digits before it are a code or the tail of a date the line ran
    /// into (a portal page re-saved as Word keeps its posting date and title in one paragraph: "2015-03-05郑州市…").
    /// </summary>
    private static string Clean(string name) =>
        LeadingCode().Replace(ScopeNote().Replace(name, string.Empty).Trim(' ', ':', '—', '-', '_'), string.Empty);

    [GeneratedRegex(@"^[0-9./:\-_ ]+")]
    private static partial Regex LeadingCode();

    private static bool IsDate(string text) => DatePrefix().IsMatch(text);

    [GeneratedRegex("(金额)?单位$|(金额)?单位[:]")]
    private static partial Regex UnitField();

    // A date line ends the title: 2025年9月…, or a web page's 日期:2021-10-28 / 发布时间:….
    [GeneratedRegex(@"^(\d{4}年\d{1,2}月|(发布)?(日期|时间)[:])")]
    private static partial Regex DatePrefix();
}
