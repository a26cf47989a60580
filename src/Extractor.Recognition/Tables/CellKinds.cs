using System.Text.RegularExpressions;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Tables;

/// <summary>Small recognisers for what a cell's text is: a 科目 code, a total label, a 栏次 number, a note.</summary>
public static partial class CellKinds
{
    /// <summary>政府收支分类 codes: 3 (类), 5 (款) or 7 (项) digits.</summary>
    public static bool IsCode(string text) => CodePattern().IsMatch(text.Trim());

    public static bool IsTotalLabel(string text) => TotalPattern().IsMatch(TextNormalizer.Compact(text));

    /// <summary>"一、…", "（一）…", "1.…": an item of a summary table rather than a wrapped continuation.</summary>
    public static bool StartsWithOrdinal(string text) => OrdinalPattern().IsMatch(TextNormalizer.Compact(text));

    /// <summary>A label without its ordinal prefix ("一、", "1.", "（一）"): 一般公共预算 keeps its 一.</summary>
    public static string StripOrdinal(string text)
    {
        var c = TextNormalizer.Compact(text);
        var m = OrdinalPattern().Match(c);
        return m.Success ? c[m.Length..] : c;
    }

    /// <summary>Rows that end the body: notes, signatures, fill-in dates.</summary>
    public static bool IsFooter(string text) => FooterPattern().IsMatch(TextNormalizer.Compact(text));

    /// <summary>A 栏次 row: labelled 栏次, or nothing but the column numbers 1, 2, 3…</summary>
    public static bool IsColumnNumberRow(IReadOnlyList<string> cells)
    {
        // "****" stands in the name columns of some 栏次 rows (Excel exports).
        var texts = cells.Select(TextNormalizer.Compact).Where(t => t.Length > 0 && t.Any(ch => ch != '*')).ToList();
        if (texts.Count == 0) return false;
        if (texts.Any(t => t is "栏次" or "行次")) return texts.Where(t => t is not ("栏次" or "行次")).All(t => int.TryParse(t, out _) || t.Length <= 1);
        if (texts.Count < 2) return false;
        if (texts.All(t => int.TryParse(t, out _)))
        {
            var all = texts.Select(int.Parse).ToList();
            if (all[0] <= 1 && all.Zip(all.Skip(1)).All(p => p.Second == p.First + 1)) return true;
        }
        // Read by OCR: the 栏次 label garbled and a number lost, but 1 … 12 still climbing by one.
        var numbers = texts.Where(t => t.Length <= 2 && int.TryParse(t, out _)).Select(int.Parse).ToList();
        return numbers.Count >= 5 && numbers.Count >= texts.Count - 1 && CountsUpFromOne(numbers);
    }

    /// <summary>1, 2, 3 … (a number or two lost or misread allowed): 栏次 across a row, 行次 down a column.</summary>
    public static bool CountsUpFromOne(IReadOnlyList<int> numbers)
    {
        if (numbers.Count < 2 || numbers[0] > 2) return false;
        var pairs = numbers.Zip(numbers.Skip(1)).ToList();
        return pairs.All(p => p.Second > p.First) && pairs.Count(p => p.Second == p.First + 1) >= 0.75 * pairs.Count;
    }

    /// <summary>An amount in a data cell (not a code).</summary>
    public static bool IsValue(string text) => text.Length > 0 && !IsCode(text) && AmountParser.IsAmount(text);

    [GeneratedRegex(@"^(\d{3}|\d{5}|\d{7})$")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"(合计|总计|小计)$|^(合计|总计)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"^([一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[.、．](?!\d))")]
    private static partial Regex OrdinalPattern();

    [GeneratedRegex(@"^(注[:：1-9一]|注$|说明[:：]|备注[:：]|填报|单位负责人|制表|财务负责人|审核人)")]
    private static partial Regex FooterPattern();
}
