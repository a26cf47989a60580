using System.Text;

namespace Extractor.Recognition.Tables;

/// <summary>
/// An x_ id for a table outside the standard sets, built from the domain words of its title so the
/// same title gives the same id in every document (SCHEMA §2: keep the title, do not force an id).
/// </summary>
public static class SnakeName
{
    private static readonly (string Word, string Name)[] Words =
    [
        ("一般公共预算", "general_budget"), ("政府性基金", "government_fund"), ("国有资本经营", "state_capital"),
        ("财政拨款", "fiscal"), ("三公", "three_public"), ("机关运行经费", "operating_costs"), ("政府采购", "procurement"),
        ("基本支出", "basic_expenditure"), ("项目支出", "project_expenditure"), ("人员经费", "personnel"),
        ("公用经费", "public"), ("收入", "income"), ("支出", "expenditure"), ("绩效", "performance"),
        ("目标", "targets"), ("指标", "indicators"), ("自评", "self_evaluation"), ("明细", "detail"),
        ("项目", "project"), ("经济分类", "economic"), ("功能分类", "functional"), ("资产", "assets"),
        ("专项", "special"), ("转移支付", "transfers"), ("债务", "debt"), ("结转", "carryover"), ("汇总", "summary"),
    ];

    public static string Of(string title)
    {
        var parts = new List<string>();
        var rest = title;
        var i = 0;
        while (i < rest.Length)
        {
            var hit = Words.FirstOrDefault(w => string.CompareOrdinal(rest, i, w.Word, 0, w.Word.Length) == 0);
            if (hit.Word is not null) { if (!parts.Contains(hit.Name)) parts.Add(hit.Name); i += hit.Word.Length; }
            else i++;
        }
        if (parts.Count > 0) return string.Join("_", parts);
        // No known word: a short stable hash of the title keeps distinct tables distinct.
        var h = 0u;
        foreach (var ch in Encoding.UTF8.GetBytes(title)) h = h * 31 + ch;
        return "table_" + (h % 100000).ToString("00000");
    }
}
