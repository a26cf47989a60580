using Extractor.Core.Tables;
using Extractor.Core.Text;

namespace Extractor.Recognition.Profile;

/// <summary>
/// Names printed in a form's labelled cells: a label cell (部门名称, 单位名称, 填报单位 …) with the name in the next
/// cell of its row. The national performance-target forms (部门整体支出绩效目标表, 项目支出绩效目标表) print them in
/// every province, and a tables-only file may print its agency nowhere else.
/// </summary>
internal static class LabelledCells
{
    /// <summary>Labels of the body the form is about.</summary>
    private static readonly HashSet<string> OwnLabels =
    [
        "部门名称", "单位名称", "部门(单位)名称", "预算单位", "预算单位名称", "部门", "单位", "编制单位", "填报单位",
        "预算主管部门", "主管预算单位", "预算部门",
    ];

    /// <summary>Labels of the body in charge of a project: the document's own agency only in a department's report.</summary>
    private static readonly HashSet<string> SupervisorLabels = ["主管部门", "项目主管部门", "市级主管部门", "省级主管部门", "主管单位"];

    public static IEnumerable<(string Name, int Page)> OwnNames(IReadOnlyList<RawTable> tables) => Named(tables, OwnLabels);

    public static IEnumerable<(string Name, int Page)> SupervisorNames(IReadOnlyList<RawTable> tables) => Named(tables, SupervisorLabels);

    private static IEnumerable<(string Name, int Page)> Named(IReadOnlyList<RawTable> tables, HashSet<string> labels)
    {
        foreach (var t in tables)
            foreach (var row in t.Rows)
            {
                var cells = row.Cells.Where(c => !c.IsCovered).Select(c => TextNormalizer.Compact(c.Text)).ToList();
                for (var i = 0; i + 1 < cells.Count; i++)
                {
                    if (!labels.Contains(cells[i].TrimEnd(':'))) continue;
                    var value = cells.Skip(i + 1).FirstOrDefault(c => c.Length > 0);
                    if (value is not null && IsName(value)) yield return (value, row.Page);
                }
            }
    }

    private static bool IsName(string value) =>
        value.Length is >= 4 and <= 40 && OrganisationName.HasSuffix(value)
        && value.All(c => c is >= '\u4E00' and <= '\u9FFF' or '(' or ')');
}
