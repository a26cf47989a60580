using System.Globalization;
using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Facts;

/// <summary>
/// Figures the explanation text states for SCHEMA §4 keys ("收、支总计均为553.29万元", "公务接待费支出决算为
/// 3.72万元", "共有车辆0辆"). A figure is read only when it follows its subject through a few filler words
/// (支出/决算/为/共计…), in a sentence about the fiscal year, with a unit; a figure without unit is read only
/// when the same value is stated in 万元 elsewhere, and unit typos ("368.41发元") are reported, not read.
/// </summary>
public static partial class TextFactReader
{
    /// <summary>A key's wording; <see cref="Anchor"/> is a word every match contains, to skip most sentences cheaply.</summary>
    private sealed record Subject(string Key, Regex Pattern, string Kind, string Anchor)
    {
        /// <summary>Wording that names the document's own figure only in a budget (收入预算: in a final account, the budget compared against).</summary>
        public bool BudgetOnly { get; init; }
    }

    private const string Money = "money", Count = "count", Score = "score", Percent = "percent";

    /// <summary>Every statement, in document order (the first one of a key is its fact; the others are compared).</summary>
    private sealed record Cached(string Kind, int? Year, List<TextStatement> Statements, List<string> Warnings);

    // Facts and checks both read the statements of one document: read them once.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<PageContent>, Cached> Cache = new();

    public static List<TextStatement> Read(IReadOnlyList<PageContent> pages, string kind, int? fiscalYear, List<string>? warnings,
        IReadOnlyDictionary<(int Page, int Line), string>? linePaths = null)
    {
        if (Cache.TryGetValue(pages, out var hit) && hit.Kind == kind && hit.Year == fiscalYear)
        {
            warnings?.AddRange(hit.Warnings);
            return hit.Statements;
        }
        var own = new List<string>();
        var statements = ReadAll(pages, kind, fiscalYear, own, linePaths);
        Cache.AddOrUpdate(pages, new Cached(kind, fiscalYear, statements, own));
        warnings?.AddRange(own);
        return statements;
    }

    private static List<TextStatement> ReadAll(IReadOnlyList<PageContent> pages, string kind, int? fiscalYear, List<string> warnings,
        IReadOnlyDictionary<(int Page, int Line), string>? linePaths)
    {
        var found = new List<TextStatement>();
        var unitless = new List<(TextStatement S, string Sentence)>();
        var stated = new HashSet<decimal>();
        var pageOffset = 0;
        foreach (var page in pages)
        {
            pageOffset += 100000;
            var text = PageText.Of(page, linePaths);
            var offset = 0;
            string? lastYearContext = null;
            foreach (var (sentence, paragraphStart) in Sentences(text.Text))
            {
                var start = offset;
                offset += sentence.Length + 1;
                if (paragraphStart) lastYearContext = null;
                if (sentence.Length == 0) continue;
                foreach (Match m in StatedMoney().Matches(sentence)) stated.Add(decimal.Parse(m.Groups[1].Value.Replace(",", ""), CultureInfo.InvariantCulture));
                // A sentence that goes on from the one before ("2018年…。其中基本支出…") speaks of the year that one spoke
                // of; any other sentence naming no year speaks of the report's own (an aside such as "主要原因是2025年…"
                // hands nothing on).
                var inherit = Continues(sentence) ? lastYearContext : null;
                // What a later sentence inherits is the year this one speaks of, not the year it compares with
                // ("2026年支出预算…，比2025年年初预算数…增加…。其中基本支出…" speaks of 2026 throughout).
                lastYearContext = YearContext(sentence, SubjectEnd(sentence)) ?? inherit;
                if (!sentence.Any(char.IsAsciiDigit)) continue;
                foreach (var subject in Subjects)
                {
                    if (!Applies(subject, kind) || !sentence.Contains(subject.Anchor, StringComparison.Ordinal)) continue;
                    foreach (Match m in subject.Pattern.Matches(sentence))
                    {
                        // "检察(款): 2018年预算支出合计…" speaks of one 科目, not of the department.
                        if (ItemContext().IsMatch(sentence[..m.Index])) continue;
                        // "公务接待费(款)支出16万元" is the 科目 of that name in a classification, not the 三公 figure.
                        if (ClassMarker().IsMatch(sentence.AsSpan(m.Index + m.Length))) continue;
                        if (ChangeBefore().IsMatch(sentence.AsSpan(0, m.Index))) continue;
                        var year = YearContext(sentence, m.Index) ?? inherit;
                        // Vehicle counts are stated "截至…" a date, often in the previous year: any year will do.
                        if (subject.Kind != Count && !IsCurrent(year, fiscalYear)) continue;
                        foreach (var (budget, value, printed, unit, at, derived) in FiguresAfter(sentence, m.Index + m.Length, subject.Kind, fiscalYear, warnings))
                        {
                            if (derived && kind != DocumentKinds.FinalAccount) continue;
                            var key = subject.Key + (budget && kind != DocumentKinds.Budget ? FactKeys.BudgetSuffix : "");
                            if (budget && kind == DocumentKinds.Budget) key = subject.Key;
                            var s = new TextStatement(key, value, UnitOf(subject.Kind), printed, unit, page.Number, text.BoxAt(start + at), sentence)
                                { Offset = pageOffset + start + at, Path = text.PathAt(start + at) };
                            // A zero needs no unit ("“三公”经费预算数为0，与上年持平"); any other figure without one is held back.
                            if (unit is null && subject.Kind == Money && value != 0) unitless.Add((s, sentence));
                            else found.Add(s);
                        }
                    }
                }
            }
            foreach (Match typo in UnitTypo().Matches(text.Text))
                warnings.Add($"page {page.Number}: unit typo \"{typo.Value}\" (not read as a figure)");
            foreach (Match date in GluedDate().Matches(text.Text))
                warnings.Add($"page {page.Number}: date printed without separators \"{date.Value}\"");
        }
        foreach (var (s, sentence) in unitless)
        {
            if (stated.Contains(s.Value)) { found.Add(s); warnings.Add($"page {s.Page}: {s.Key} {s.Printed} printed without unit; read as 万元 because the same figure is stated in 万元 elsewhere"); }
            else warnings.Add($"page {s.Page}: {s.Key} {s.Printed} printed without unit in \"{Trim(sentence)}\"; not read");
        }
        return found;
    }

    private static IEnumerable<(string Sentence, bool ParagraphStart)> Sentences(string text)
    {
        var paragraphStart = true;
        var begin = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !"。；;！？\n".Contains(text[i])) continue;
            yield return (text[begin..i], paragraphStart);
            paragraphStart = i < text.Length && text[i] == '\n';
            begin = i + 1;
        }
    }

    private static bool Applies(Subject s, string kind) =>
        s.Key.StartsWith("perf.") ? kind == DocumentKinds.PerformanceEvaluation
        : s.BudgetOnly ? kind == DocumentKinds.Budget : kind != DocumentKinds.PerformanceEvaluation;

    private static string UnitOf(string kind) => kind switch { Count => "辆", Score => "分", Percent => "%", _ => MoneyUnit.Wan };

    /// <summary>
    /// Up to two figures after the subject: "支出预算为2.5万元，支出决算为1.5万元". Only filler words may sit
    /// between (a second figure may follow a comma); anything else ("增加", "占", "的") stops the reading.
    /// </summary>
    private static IEnumerable<(bool Budget, decimal Value, string Printed, string? Unit, int At, bool Derived)> FiguresAfter(
        string sentence, int pos, string kind, int? fiscalYear, List<string> warnings)
    {
        for (var n = 0; n < 2; n++)
        {
            var m = (n == 0 ? FirstFigure() : NextFigure()).Match(sentence, pos);
            if (!m.Success || m.Index != pos) yield break;
            var filler = m.Groups["f"].Value;
            var fy = FillerYear().Match(filler);
            if (fy.Success && fiscalYear is not null && int.Parse(fy.Groups[1].Value) != fiscalYear) yield break;
            if (filler.Contains("上年") || filler.Contains("比")) yield break;
            var printed = m.Groups["n"].Value;
            var unit = m.Groups["u"].Success && m.Groups["u"].Value.Length > 0 ? m.Groups["u"].Value : null;
            var after = m.Index + m.Length < sentence.Length ? sentence[m.Index + m.Length] : '\0';
            if (unit is null && (char.IsAsciiDigit(after) || after is '%' or '.')) yield break;
            if (unit is null && after is not ('\0' or ',' or '，' or '。' or '；' or ';' or '、' or '\n' or '(' or ')' or '（'))
                yield break; // followed by another word (人, 个, 次, 发元…): not this key's figure
            if (!UnitFits(kind, unit)) yield break;
            var value = decimal.Parse(printed.Replace(",", ""), CultureInfo.InvariantCulture);
            if (kind == Money) value = MoneyUnit.ToWan(value, unit ?? MoneyUnit.Wan);
            var budget = filler.Contains("预算") && !filler.Contains("决算") && !filler.Contains("执行");
            yield return (budget, value, printed, unit, m.Index, false);
            pos = m.Index + m.Length;
            if (!budget && n == 0 && kind == Money && BudgetChange().Match(sentence, pos) is { Success: true } c)
            {
                // "支出97.19万元，比预算数增加97.19万元": the figure it is compared with is the 预算数, stated by difference.
                var change = MoneyUnit.ToWan(decimal.Parse(c.Groups["d"].Value.Replace(",", ""), CultureInfo.InvariantCulture), c.Groups["u"].Value);
                var derived = Decreases.Contains(c.Groups["w"].Value) ? value + change : value - change;
                if (derived >= 0) yield return (true, derived, sentence[m.Index..(c.Index + c.Length)], MoneyUnit.Wan, m.Index, true);
                yield break;
            }
            if (!budget && n == 1) yield break;
            if (!budget && !BudgetNext().IsMatch(sentence, pos)) yield break; // after the actual only a budget figure may follow
        }
    }

    private static bool UnitFits(string kind, string? unit) => kind switch
    {
        Money => unit is null or "万元" or "元" or "亿元",
        Count => unit is "辆" or "台",
        Score => unit is "分",
        Percent => unit is "%",
        _ => false,
    };

    /// <summary>
    /// The last year named before <paramref name="end"/> (上年/去年 count as "not this year", except where the figure is
    /// said to be unchanged: "与上年数一致" speaks of this year's figure).
    /// </summary>
    private static string? YearContext(string sentence, int end)
    {
        var prefix = sentence[..end];
        var priors = PriorYearMention().Matches(prefix);
        var prior = priors.Count > 0 ? priors[^1].Index : -1;
        var years = YearMention().Matches(prefix);
        var last = years.Count > 0 ? years[^1] : null;
        // "本年财政拨款收入…" names the report's own year in words.
        var currents = CurrentYearMention().Matches(prefix);
        var current = currents.Count > 0 ? currents[^1].Index : -1;
        if (current > prior && (last is null || current > last.Index)) return Current;
        if (prior >= 0 && (last is null || prior > last.Index)) return "prior";
        return last?.Groups[1].Value;
    }

    private const string Current = "current";

    [GeneratedRegex(@"本年度?|当年")]
    private static partial Regex CurrentYearMention();

    /// <summary>A sentence that continues the one before it: 其中…, 包括…, 分别…, 具体…, 含….</summary>
    private static bool Continues(string sentence) => ContinuationLead().IsMatch(sentence);

    [GeneratedRegex(@"^[\s(（一二三四五六七八九十\d)）、.．]*(其中|包括|分别|具体|含|主要包括|按|从)")]
    private static partial Regex ContinuationLead();

    /// <summary>Where a sentence turns to what it compares with (比/较/与…相比/同比), or its end.</summary>
    private static int SubjectEnd(string sentence)
    {
        var m = ComparisonTurn().Match(sentence);
        return m.Success ? m.Index : sentence.Length;
    }

    [GeneratedRegex(@"[,，]?(比|较|与|同比)(上年|上一年|去年|20\d\d年|年初|调整)")]
    private static partial Regex ComparisonTurn();

    private static bool IsCurrent(string? year, int? fiscalYear) =>
        year is null or Current || year != "prior" && (fiscalYear is null || year == fiscalYear.Value.ToString(CultureInfo.InvariantCulture));

    private static string Trim(string s) => s.Length > 60 ? s[..60] + "…" : s;

    private const string Filler = @"(?<f>(?:财政拨款|一般公共预算|支出|决算数|决算|预算数|年初预算|全年预算|预算|安排|为|是|共计|合计|总额|金额|均为|各为|共|计|达|本年|本年度|全年|实际|(?:20\d\d)年度?|:|\*|[”’""]|\([^()]{1,12}\))*)";

    [GeneratedRegex(Filler + @"(?<n>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?<u>万元|亿元|元|辆|台|分|%)?")]
    private static partial Regex FirstFigure();

    [GeneratedRegex(@"[,，、]" + Filler + @"(?<n>-?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)(?<u>万元|亿元|元|辆|台|分|%)?")]
    private static partial Regex NextFigure();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex FillerYear();

    /// <summary>"…(类)(款)…" or "“农林水支出”科目83万元，主要用于人员经费18万元": a sentence about one 科目, not the department.</summary>
    [GeneratedRegex(@"[(（](类|款|项)[)）]|[”""]科目")]
    private static partial Regex ItemContext();

    /// <summary>The same 科目 level marker right after the subject ("公务接待费(款)").</summary>
    [GeneratedRegex(@"^\s*[(（](类|款|项)[)）]")]
    private static partial Regex ClassMarker();

    [GeneratedRegex(@"\G[,，、](年初|全年)?预算(数)?(为|是)?\d")]
    private static partial Regex BudgetNext();

    [GeneratedRegex(@"(20\d\d)年")]
    private static partial Regex YearMention();

    /// <summary>The difference from the budget right after a final account's figure (not from last year's budget).</summary>
    [GeneratedRegex(@"\G[,，]\s*(?:较|比)(?:年初|全年|调整后的?)?预算数?(?<w>增加|增长|超支|超出|减少|下降|降低|节约|节省)了?(?<d>\d[\d,]*(?:\.\d+)?)(?<u>万元|亿元|元)")]
    private static partial Regex BudgetChange();

    private static readonly HashSet<string> Decreases = ["减少", "下降", "降低", "节约", "节省"];

    // 上年结转(结余) names this year's carried-in funds, not last year.
    [GeneratedRegex(@"(上一?年|去年)(?!(数|度)?(一致|持平|相同))(?!度?(结转|结余))")]
    private static partial Regex PriorYearMention();

    // "基本支出增加人员经费1408.29万元": the figure after a change word is the change, not the subject's amount.
    [GeneratedRegex(@"(增加|减少|增长|下降|降低|压减|节约)$")]
    private static partial Regex ChangeBefore();

    [GeneratedRegex(@"(\d[\d,]*\.?\d*)万元")]
    private static partial Regex StatedMoney();

    [GeneratedRegex(@"\d+\.\d+[^\d万亿千百元.,，、。;；:：()（）%\s\-]元")]
    private static partial Regex UnitTypo();

    [GeneratedRegex(@"(?<!\d)20\d\d[01]\d[0-3]\d日")]
    private static partial Regex GluedDate();
}
