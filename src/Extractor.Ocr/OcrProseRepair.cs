using System.Text;
using System.Text.RegularExpressions;
using Extractor.Core.Text;

namespace Extractor.Ocr;

/// <summary>
/// Mends Tesseract's commonest misreadings in report prose, where a fact reader needs the wording whole: a closing
/// quote read as '?' inside “三公?经费”, and glyph confusions in the contexts where they can only be budget terms (来购 for 采购 before 金额, 念额 for
/// 总额 after 采购, 增如 for 增加 before a figure, 〈 for an opening parenthesis closed by ')', a comma for the colon after a
/// cover's field label), so correct text is left alone. Tesseract's only: PP-OCR's readings of the same scans hold none
/// of these misreadings (re-measured with scripts/bench-ocr), so its lines are not touched.
/// </summary>
public static partial class OcrProseRepair
{
    [GeneratedRegex(@"(?<=政府|货物|工程|服务|集中|自行)来购|来购(?=金额|总额|支出|预算|项目|合同)")] private static partial Regex Caigou();
    [GeneratedRegex(@"(?<=采购|支出)念额")] private static partial Regex Zonge();
    [GeneratedRegex(@"增如(?=\d)")] private static partial Regex Zengjia();
    [GeneratedRegex(@"还行(?=经费|维护|费|成本)")] private static partial Regex Yunxing();
    [GeneratedRegex(@"(?<=采购)人(?=金额|总额)")] private static partial Regex StrayRen();
    // 〈 or 《 (or both, 《〈境)) for an opening parenthesis whose closing half was read right: 〈以合同签订为准), 〈境)费.
    [GeneratedRegex(@"[〈《]{1,2}(?=[^〈《〉》()]{1,12}\))")] private static partial Regex AngleParen();
    // A cover's field label opening the line, its colon read as a comma or a full stop (评价项目单位,。长沙市…).
    [GeneratedRegex(@"^(?<label>(?:评价|预算|主管|项目|部门|单位|编制|报告|填报|评价项目)[\u4E00-\u9FFF]{0,4}(?:单位|部门|名称|日期|类型|金额|时间|负责人))\s*[,，。.;；、]{1,3}\s*")]
    private static partial Regex FieldColon();

    /// <summary>Misread glyphs, each only in the context that makes it a budget term (未来购买 and 新增如下 stay as they are).</summary>
    private static readonly (Regex Misread, string Meant)[] Pairs =
        [(Caigou(), "采购"), (Zonge(), "总额"), (Zengjia(), "增加"), (Yunxing(), "运行"), (StrayRen(), ""), (AngleParen(), "(")];

    public static string Repair(string line)
    {
        if (line.Length < 2) return line;
        var text = FieldColon().Replace(ClosingQuotes(line), "${label}:");
        foreach (var (misread, meant) in Pairs) text = misread.Replace(text, meant);
        return text;
    }

    /// <summary>'?' between Chinese characters shortly after an opening quote is that quote's closing half.</summary>
    private static string ClosingQuotes(string line)
    {
        if (!line.Contains('?') && !line.Contains('？')) return line;
        var sb = new StringBuilder(line);
        for (var i = 1; i < sb.Length - 1; i++)
        {
            if (sb[i] is not ('?' or '？') || !TextNormalizer.IsCjk(sb[i - 1]) || !TextNormalizer.IsCjk(sb[i + 1])) continue;
            var open = line.LastIndexOfAny(['“', '"'], i - 1);
            if (open >= 0 && i - open <= 6) sb[i] = '”';
        }
        return sb.ToString();
    }
}
