using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// An official document (公文, laid out after GB/T 9704) rather than a disclosure report: a document number such as
/// X府办发〔2026〕11号 and a title 关于…的通知 (通报, 批复, 意见, 决定, 函, 公告, 通告) on its first page. Portals file
/// fund-allocation notices (关于下达2025年…资金预算的通知) and policy notices beside the budgets they concern, often
/// under the budget's name; they are no budget, final account or evaluation whatever words their title uses. Their
/// issuing organ is printed on the letterhead, in the title (XX市财政局关于…) or in the issuers' block between the
/// number and the title.
/// </summary>
internal static partial class OfficialNotice
{
    public sealed record Notice(string Title, int Page, string? Issuer);

    private const int FirstLines = 20;

    // 〔2026〕11号, [2025] 2号, 【2025] 42号, (2025) 36号: the year in any bracket OCR makes of 〔〕, then the number.
    [GeneratedRegex(@"[〔\[【(（]\s*(19|20)\d{2}\s*[〕\]】)）]\s*\d{1,4}\s*号")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"关于.{2,80}?的?(通知|通报|批复|意见|决定|函|公告|通告)$")]
    private static partial Regex NoticeTitle();

    public static Notice? Read(DocumentContent content)
    {
        var page = content.Pages.FirstOrDefault();
        if (page is null) return null;
        var lines = page.Lines.Select(l => TextNormalizer.Compact(l.Text)).Where(t => t.Length > 0).Take(FirstLines).ToList();
        var number = lines.FindIndex(l => DocumentNumber().IsMatch(l) && l.Length <= 30);
        if (number < 0) return null;
        for (var i = 0; i < lines.Count; i++)
        {
            var at = lines[i].IndexOf("关于", StringComparison.Ordinal);
            if (at < 0 || at > 20 || i == number) continue;
            // A title set over up to three lines: 关于下达2025年文化和旅游项目资金 / 的通知.
            var title = lines[i];
            for (var j = i; j < Math.Min(lines.Count, i + 3); j++)
            {
                if (j > i) title += lines[j];
                if (!NoticeTitle().IsMatch(title[at..])) continue;
                return new Notice(title, page.Number, Issuer(lines, number, i, title[..at]));
            }
        }
        return null;
    }

    /// <summary>
    /// The issuing organ: named before 关于 in the title, else the first organisation line between the number and the
    /// title (joint notices list their issuers there, in body type that OCR reads well), else the letterhead above.
    /// </summary>
    private static string? Issuer(List<string> lines, int number, int title, string titlePrefix)
    {
        if (OrganisationName.FirstOf(titlePrefix) is { } named) return named;
        if (number < title)
            for (var i = number + 1; i < title; i++)
                if (OrganisationName.FirstOf(lines[i]) is { } name) return name;
        for (var i = 0; i < title; i++)
            if (i != number && OrganisationName.FirstOf(lines[i]) is { } name) return name;
        return null;
    }
}
