using System.Text.RegularExpressions;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Tables;

/// <summary>
/// Mends OCR-read table text against the vocabulary budget tables print (SCHEMA §2 titles, column
/// names, the rows facts are read from): a garbled word close to exactly one known term becomes that
/// term, and 96.282.213.44 (commas read as points) becomes 96,282,213.44. Used only on tables read from
/// page images: text layers are exact and never touched.
/// </summary>
public static partial class OcrTextRepair
{
    /// <summary>A table read by OCR with its caption, header and label cells mended and its amounts unscrambled.</summary>
    public static RawTable Repair(RawTable raw)
    {
        var rows = raw.Rows.Select(r => r with { Cells = r.Cells.Select(c => c.IsCovered ? c : c with { Text = Digits(Amount(c.Text)) }).ToList() }).ToList();
        var header = HeaderRows(rows);
        rows = LostPoints.Restore(rows, header);
        return raw with
        {
            Caption = raw.Caption.Select(Title).ToList(),
            Title = raw.Title is { } title ? Title(title) : null,
            Rows = rows.Select((r, i) => r with { Cells = r.Cells.Select(c => c.IsCovered ? c : c with { Text = i < header ? HeaderCell(c.Text) : Cell(c.Text) }).ToList() }).ToList(),
        };
    }

    /// <summary>Rows above the first data row; none when no row reads as data (then nothing is known to be a header).</summary>
    private static int HeaderRows(List<RawRow> rows)
    {
        for (var r = 0; r < rows.Count; r++)
            if (HeaderReader.IsDataRow(rows[r].Cells.Select(c => TextNormalizer.Compact(c.Text)).ToList(), r > 0)) return r;
        return 0;
    }

    /// <summary>
    /// 96.282.213.44 and 2259,65 (OCR takes commas for points and points for commas): the separator before
    /// the last two digits is the decimal point, any other groups thousands.
    /// </summary>
    private static string Amount(string text)
    {
        var m = DottedThousands().Match(TextNormalizer.Compact(text));
        return m.Success ? m.Groups[1].Value + string.Concat(m.Groups[2].Captures.Select(c => "," + c.Value[1..])) + "." + m.Groups[3].Value : text;
    }

    /// <summary>
    /// A short run of digits with O/o for 0 and l/I/L for 1 (a 款/项 code part read as "Ol"), or with a speck
    /// read as punctuation at its ends (。06, ,07, 10.00.): the digits meant.
    /// </summary>
    private static string Digits(string text)
    {
        var t = TextNormalizer.Compact(text).Trim(Specks);
        if (t.Length == 0 || !t.Any(char.IsAsciiDigit) && t.Length != 2) return text;
        if (AmountParser.IsAmount(t)) return t;
        if (t.Length > 7 || !t.All(ch => char.IsAsciiDigit(ch) || "OolIL".Contains(ch))) return text;
        return new string(t.Select(ch => ch switch { 'O' or 'o' => '0', 'l' or 'I' or 'L' => '1', _ => ch }).ToArray());
    }

    /// <summary>
    /// A header cell is one column name, so it is compared whole, its Latin letters dropped (OCR noise in a
    /// Chinese header), its characters also compared in any order (wrapped lines put back out of order), and
    /// may carry more errors (two fifths of the name) as long as no other name is as near: 国会出国〈境)费
    /// is 因公出国(境)费, 本人年支出口计 is 本年支出合计, X算数 (as near 预算数 as 决算数) stays as printed.
    /// </summary>
    public static string HeaderCell(string text)
    {
        var compact = TextNormalizer.Compact(text);
        if (compact.Length < 2 || BudgetVocabulary.Cells.Contains(compact)) return text;
        var body = new string(compact.Where(ch => !char.IsAsciiLetter(ch)).ToArray());
        if (body.Length >= 2)
        {
            var ranked = BudgetVocabulary.Cells.Select(t => (Term: t, Cost: Math.Min(ApproximateMatch.Distance(t, body), ApproximateMatch.Unordered(t, body))))
                .OrderBy(x => x.Cost).Take(2).ToList();
            if (ranked[0].Cost <= Math.Max(1, 0.4 * ranked[0].Term.Length) && ranked[1].Cost > ranked[0].Cost && KeepsKeyWords(body, ranked[0].Term))
                return ranked[0].Term;
        }
        return Cell(text);
    }

    public static string Title(string line) => Mend(line, BudgetVocabulary.Titles, wholeOnlyBelow: 0);

    public static string Cell(string text)
    {
        var t = text.Trim();
        if (t.Length == 0) return text;
        if (t.Any(char.IsAsciiDigit) && !t.Any(TextNormalizer.IsCjk)) return text;
        // Short names (合计, 小计, 购置费) are matched as the whole cell; longer ones also inside it (一、财政拨款收人).
        return Mend(t, BudgetVocabulary.Cells, wholeOnlyBelow: 6);
    }

    /// <summary>
    /// Replaces spans of text by the terms they most likely misread. Candidates score by the characters
    /// they explain (length − 2·cost), best first; an exact term keeps its span; two different terms
    /// scoring the same on one span leave it as printed.
    /// </summary>
    private static string Mend(string text, string[] terms, int wholeOnlyBelow)
    {
        var compact = TextNormalizer.Compact(text);
        if (compact.Length < 2 || terms.Contains(compact)) return text;
        var (prefix, body) = SplitPrefix(compact);
        var candidates = new List<(string Term, ApproximateMatch.Hit Hit, double Score)>();
        foreach (var term in terms)
        {
            var whole = term.Length < wholeOnlyBelow;
            var hit = whole ? new ApproximateMatch.Hit(0, body.Length, ApproximateMatch.Distance(term, body)) : ApproximateMatch.Find(term, body);
            if (hit.Cost <= MaxCost(term)) candidates.Add((term, hit, term.Length - 2 * hit.Cost));
            // A short name printed exactly inside the text holds its span against a longer name's guess (基本支出合计).
            else if (whole && body.IndexOf(term, StringComparison.Ordinal) is >= 0 and var at)
                candidates.Add((term, new ApproximateMatch.Hit(at, term.Length, 0), term.Length));
        }
        if (candidates.Count == 0) return text;
        var taken = new List<(int Start, int End)>();
        var replacements = new List<(int Start, int Length, string Term)>();
        foreach (var group in candidates.GroupBy(c => c.Score).OrderByDescending(g => g.Key))
        {
            foreach (var c in group)
            {
                var (s, e) = (c.Hit.Start, c.Hit.Start + c.Hit.Length);
                if (taken.Any(t => s < t.End && t.Start < e)) continue;
                var rivals = group.Where(o => o.Term != c.Term && o.Hit.Start < e && s < o.Hit.Start + o.Hit.Length).ToList();
                taken.Add((s, e));
                if (rivals.Count > 0 || c.Hit.Cost == 0) continue;
                replacements.Add((s, c.Hit.Length, c.Term));
            }
        }
        if (replacements.Count == 0) return text;
        var mended = body;
        foreach (var r in replacements.OrderByDescending(r => r.Start))
            mended = mended[..r.Start] + r.Term + mended[(r.Start + r.Length)..];
        // A word read right is never mended away: 政府性基金预算财政拨款支出预算表 is no 收入支出决算表.
        return KeepsKeyWords(body, mended) ? prefix + mended : text;
    }

    private static readonly char[] Specks = ['。', ',', '，', '”', '“', '"', '\'', '、', '.', '·', ':', ';', '：', '；', '_', '|'];

    /// <summary>Words that tell tables and columns apart (budget or final account, income or spending).</summary>
    private static readonly string[] KeyWords = ["预算", "决算", "收入", "支出", "基本", "项目", "三公", "合计", "小计"];

    private static bool KeepsKeyWords(string read, string mended) => KeyWords.All(k => Count(mended, k) >= Count(read, k));

    private static int Count(string text, string word)
    {
        var n = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) n++;
        return n;
    }

    /// <summary>Errors a term of this length may carry: one for up to nine characters, then one per five.</summary>
    private static double MaxCost(string term) => Math.Max(1, term.Length / 5);

    /// <summary>An ordinal (一、 1. （一）) or 其中: before a name is kept out of the comparison.</summary>
    private static (string Prefix, string Body) SplitPrefix(string compact)
    {
        var m = Prefix().Match(compact);
        return m.Success ? (compact[..m.Length], compact[m.Length..]) : (string.Empty, compact);
    }

    [GeneratedRegex(@"^(\d+)([.,]\d{3})*[.,](\d{2})$")]
    private static partial Regex DottedThousands();

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d)|其中[:：]?)+")]
    private static partial Regex Prefix();
}
