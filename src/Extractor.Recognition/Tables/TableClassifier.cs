using System.Text.RegularExpressions;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Tables;

/// <summary>
/// Gives a table its SCHEMA §2 id: from the printed title first (the reviewed lexicon table-titles.tsv), then from
/// the header's signature (the
/// title may sit on the previous page or be missing), then from the 公开NN表 number. A title that
/// matches nothing keeps an x_ id built from its words rather than being forced into the standard sets.
/// </summary>
public static partial class TableClassifier
{
    public sealed record Result(string Id, string? Title);

    /// <summary>The table named by the title its caption lines carry (<see cref="TableCaption.Title"/>).</summary>
    public static Result Classify(IReadOnlyList<string> caption, IReadOnlyList<string> headerTexts, string documentKind) =>
        Classify(TableCaption.Title(caption), caption, headerTexts, documentKind);

    /// <summary>
    /// As <see cref="Classify(string?, IReadOnlyList{string}, IReadOnlyList{string}, string)"/>, for a table read from a
    /// page image (<paramref name="readFromImage"/>): the title is also looked up as the vocabulary's nearest title
    /// (<see cref="OcrTextRepair.Title"/>), since a glyph misread (收人 for 收入, 续效 for 绩效, 财政投款 for 财政拨款) or
    /// lost (the 一 of 一般公共预算, a thin stroke at the line's start) takes a table out of its set, or leaves only a
    /// shorter name's words to match (财政投款收支预算总表 has 收支预算总表's). The mended title's id is taken when it
    /// names a table of the same kind of document and the mend dropped no character the page printed; the title is
    /// kept as read: the mend only chooses the id.
    /// </summary>
    public static Result Classify(string? title, IReadOnlyList<string> caption, IReadOnlyList<string> headerTexts, string documentKind, bool readFromImage)
    {
        var (read, readNamed) = Identify(title, caption, headerTexts, documentKind);
        if (!readFromImage || title is null) return read;
        var mended = OcrTextRepair.Title(title);
        // OCR loses or misreads a glyph; it does not print characters that are not there: a title with more words than
        // the vocabulary's (部门整体支出绩效自评结果表) is another table, not a misreading of a shorter name. And a title
        // that names a table as read is taken for another only where a glyph was misread in place, not where one would
        // have been lost (自评结果表 is no 自评表 with 结果 printed after it).
        if (mended == title || mended.Count(TextNormalizer.IsCjk) < title.Count(TextNormalizer.IsCjk)) return read;
        // (The mend comes back compacted: lengths compared without the spaces a read title may carry.)
        if (readNamed && mended.Length != TextNormalizer.Compact(title).Length) return read;
        var (guessed, named) = Identify(mended, caption, headerTexts, documentKind);
        // A budget's table stays a budget's: the vocabulary's nearest name may be a final account's (财政拨款“三公”经费
        // 支出表, read right, is one 决算 short of 财政拨款“三公”经费支出决算表).
        return named && Set(guessed.Id) == Set(read.Id) ? guessed with { Title = title } : read;
    }

    private static string Set(string id) => id[..id.IndexOf('.')];

    public static Result Classify(string? title, IReadOnlyList<string> caption, IReadOnlyList<string> headerTexts, string documentKind) =>
        Identify(title, caption, headerTexts, documentKind).Result;

    /// <summary>The table's id, and whether a set named it (the title lexicon, the header, the 公开NN表 number) rather than its own words.</summary>
    private static (Result Result, bool Named) Identify(string? title, IReadOnlyList<string> caption, IReadOnlyList<string> headerTexts, string documentKind)
    {
        var kind = KindOf(title, documentKind);
        var t = title is null ? string.Empty : TextNormalizer.Compact(title);
        var byTitle = t.Length == 0 ? null : kind switch
        {
            DocumentKinds.Budget => TableTitleLexicon.Lookup("budget", t),
            DocumentKinds.PerformanceEvaluation => TableTitleLexicon.Lookup("perf", t),
            _ => TableTitleLexicon.Lookup("final", t) ?? TableTitleLexicon.Lookup("perf", t),
        };
        var byHeader = ByHeader(headerTexts, kind);
        var byNumber = kind == DocumentKinds.FinalAccount ? ByPublicNumber(caption) : null;
        var id = byTitle ?? byHeader ?? byNumber;
        if (id is not null) return (new Result(id, title), true);
        if (t.Length > 0) return (new Result(Prefix(kind) + ".x_" + SnakeName.Of(t), title), false);
        // The list of units a department's figures cover (序号 | 单位名称), printed under 单位构成 without a title.
        return (new Result(IsUnitList(headerTexts) ? Prefix(kind) + ".x_units" : Prefix(kind) + ".x_table", title), false);
    }

    private static bool IsUnitList(IReadOnlyList<string> headerTexts)
    {
        var header = TextNormalizer.Compact(string.Concat(headerTexts));
        return header.Contains("单位名称") && !header.Contains("金额") && !header.Contains("合计") && !header.Contains("数");
    }

    private static string KindOf(string? title, string documentKind)
    {
        if (title is null) return documentKind;
        var t = TextNormalizer.Compact(title);
        // A target table (绩效目标表) is set when money is allotted: a budget's table, also where a notice allotting a fund
        // (a document of no kind the profile knows) prints it; an evaluation's restated targets stay the evaluation's.
        var targets = t.Contains("绩效目标") && !t.Contains("自评") && !t.Contains("评价");
        if (t.Contains("绩效")) return (t.Contains("预算") || targets && documentKind == DocumentKinds.Unknown) && !t.Contains("自评") ? DocumentKinds.Budget : documentKind == DocumentKinds.Unknown ? DocumentKinds.PerformanceEvaluation : documentKind;
        if (t.Contains("决算")) return DocumentKinds.FinalAccount;
        if (t.Contains("预算")) return DocumentKinds.Budget;
        return documentKind;
    }

    private static string Prefix(string kind) => kind switch
    {
        DocumentKinds.Budget => "budget",
        DocumentKinds.PerformanceEvaluation => "perf",
        _ => "final",
    };

    /// <summary>The header alone: each standard table prints a recognisable set of column names.</summary>
    private static string? ByHeader(IReadOnlyList<string> header, string kind)
    {
        if (header.Count == 0) return null;
        var h = string.Join("|", header);
        bool Has(string s) => h.Contains(s);
        var budget = kind == DocumentKinds.Budget;
        // A score sheet: indicator levels with their 分值 and 得分 (a self-evaluation's 评分表 printed without a title).
        if ((Has("一级指标") || Has("二级指标")) && Has("分值") && (Has("得分") || Has("评分"))) return "perf.x_indicator_scores";
        if (Has("自评") && (Has("分数") || Has("得分"))) return "final.x_project_self_evaluation_scores";
        if (Has("因公出国") && Has("公务接待")) return budget ? TableIds.BudgetThreePublic : TableIds.FinalThreePublic;
        if (Has("人员经费") && Has("公用经费")) return budget ? TableIds.BudgetGeneralBasicEconomic : TableIds.FinalGeneralBudgetBasic;
        var twoSided = header.Count(x => x is "项目" or "收入" or "支出" or "收入项目" or "支出项目") >= 2 || Has("收入") && Has("支出") && header.Count(x => x == "项目") >= 1 && Has("行次");
        if (twoSided && (Has("一般公共预算财政拨款") || Has("一般公共预算") && Has("政府性基金")))
            return budget ? TableIds.BudgetFiscalSummary : TableIds.FinalFiscalSummary;
        if (twoSided) return budget ? TableIds.BudgetSummary : TableIds.FinalSummary;
        if (Has("年初结转和结余") && Has("本年收入") && Has("本年支出") && !Has("本年收入合计")) return budget ? null : TableIds.FinalGovernmentFund;
        if (Has("本年收入合计") || Has("财政拨款收入") && Has("上级补助收入")) return budget ? TableIds.BudgetRevenue : TableIds.FinalIncome;
        if (Has("上缴上级支出") || Has("对附属单位补助支出") || Has("经营支出")) return budget ? TableIds.BudgetExpenditure : TableIds.FinalExpenditure;
        return null;
    }

    /// <summary>公开01表…公开09表 number the nine standard final-account tables in most provinces.</summary>
    private static string? ByPublicNumber(IReadOnlyList<string> caption)
    {
        foreach (var line in caption)
        {
            if (TableCaption.PublicTableNumber(line) is not { } number) continue;
            return number switch
            {
                1 => TableIds.FinalSummary, 2 => TableIds.FinalIncome, 3 => TableIds.FinalExpenditure,
                4 => TableIds.FinalFiscalSummary, 5 => TableIds.FinalGeneralBudget, 6 => TableIds.FinalGeneralBudgetBasic,
                7 => TableIds.FinalThreePublic, 8 => TableIds.FinalGovernmentFund, 9 => TableIds.FinalStateCapital,
                _ => null,
            };
        }
        return null;
    }

}
