using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;

namespace Extractor.Recognition.Tables;

/// <summary>
/// Reads a table's header: where the body starts, each column's name (a wrapped header joined without
/// spaces, a group over several columns joined with '/', SCHEMA §1) and role, and the side-by-side
/// segments. 栏次 rows and 行次 columns are recognised so their numbers never become values.
/// </summary>
public static class HeaderReader
{
    private const int MaxHeaderRows = 8;

    public static ColumnLayout Read(TableGrid grid)
    {
        var captionRows = new List<string>();
        var headerRows = new List<int>();
        var body = grid.RowCount;
        for (var r = 0; r < grid.RowCount; r++)
        {
            var texts = RowTexts(grid, r);
            var nonEmpty = texts.Where(t => t.Length > 0).ToList();
            if (IsDataRow(texts, headerRows.Count > 0)) { body = r; break; }
            if (nonEmpty.Count > 0 && nonEmpty.All(TableCaption.IsCaptionText) && headerRows.Count == 0) { captionRows.AddRange(nonEmpty); continue; }
            if (CellKinds.IsColumnNumberRow(texts)) continue;
            if (headerRows.Count >= MaxHeaderRows) { body = r; break; }
            if (nonEmpty.Count > 0) headerRows.Add(r);
        }

        var parts = Enumerable.Range(0, grid.ColumnCount).Select(c => HeaderParts(grid, headerRows, c)).ToList();
        // 类 | 款 | 项 printed on the 合计 row (类,款,项,合计,2940.05…): the header's last line, though the row holds amounts.
        if (body < grid.RowCount)
        {
            var first = RowTexts(grid, body);
            for (var c = 0; c < first.Count; c++)
                if (first[c] is "类" or "款" or "项") parts[c].Add((first[c], 1));
        }
        var roles = parts.Select((p, c) => RoleOf(p, grid, body, c)).ToList();
        // 科目编码 over 类 | 款 | 项 with a header cell unread (OCR): a column of two-digit numbers after a code
        // (part) is the next code part whatever its header reads (机 for 项), and a code column before a part is 类.
        for (var c = 1; c < roles.Count; c++)
            if (roles[c - 1] is ColumnRole.Code or ColumnRole.CodePart && roles[c] != ColumnRole.CodePart && IsTwoDigitColumn(grid, body, c))
                roles[c] = ColumnRole.CodePart;
        for (var c = roles.Count - 2; c >= 0; c--)
            if (roles[c] == ColumnRole.Code && roles[c + 1] == ColumnRole.CodePart) roles[c] = ColumnRole.CodePart;
        // Text columns after the last amount column (原因/说明/备注) remark on the row; they start no new side.
        var lastValue = roles.LastIndexOf(ColumnRole.Value);
        var firstLabel = roles.FindIndex(r => r is ColumnRole.Label or ColumnRole.Code or ColumnRole.CodePart);
        for (var c = lastValue + 1; lastValue >= 0 && firstLabel >= 0 && firstLabel < lastValue && c < roles.Count; c++)
            if (roles[c] == ColumnRole.Label) roles[c] = ColumnRole.Ignored;
        // A 单位名称 column beside the row's own name or code names the unit the row belongs to, not the row.
        if (roles.Any(r => r is ColumnRole.Code or ColumnRole.CodePart) || roles.Count(r => r == ColumnRole.Label) >= 2)
            for (var c = 0; c < roles.Count; c++)
                if (roles[c] == ColumnRole.Label && parts[c].Count > 0 && UnitColumn(parts[c][^1].Text)) roles[c] = ColumnRole.BudgetUnit;
        var segments = Segments(roles, parts);
        var title = grid.Raw.Title ?? TableCaption.Title(grid.Raw.Caption.Concat(captionRows).ToList());
        var topic = title is null ? string.Empty : TextNormalizer.Compact(title);
        var columns = new List<ColumnSpec>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var seg = segments.First(s => c >= s.First && c <= s.Last);
            columns.Add(new ColumnSpec(c, roles[c], JoinName(parts[c], seg.GroupName, segments, roles.Count(x => x == ColumnRole.Value), topic), seg.Index));
        }
        var headerTexts = headerRows.SelectMany(r => RowTexts(grid, r)).Where(t => t.Length > 0).Distinct().ToList();
        var caption = grid.Raw.Caption.Concat(captionRows).ToList();
        var unit = caption.Concat(headerTexts).Select(MoneyUnit.Declared).FirstOrDefault(u => u is not null);
        return new ColumnLayout(body, columns, segments, headerTexts, caption, unit);
    }

    public static List<string> RowTexts(TableGrid grid, int r) =>
        Enumerable.Range(0, grid.ColumnCount).Select(c => TextNormalizer.Compact(grid.OwnText(r, c))).ToList();

    /// <summary>
    /// A body row: holds an amount (outside a 栏次 row), or starts with a code, a total or an ordinal item
    /// while its other cells are amounts, blanks or further items (an empty two-sided row).
    /// </summary>
    public static bool IsDataRow(IReadOnlyList<string> texts, bool headerSeen = false)
    {
        if (CellKinds.IsColumnNumberRow(texts)) return false;
        var nonEmpty = texts.Where(t => t.Length > 0).ToList();
        if (nonEmpty.Count == 0) return false;
        if (nonEmpty.Any(t => CellKinds.IsValue(t) && t.Contains('.'))) return true;
        var first = nonEmpty[0];
        bool RestIsData() => nonEmpty.Skip(1).All(t => CellKinds.IsValue(t) || CellKinds.IsCode(t) || CellKinds.StartsWithOrdinal(t) || CellKinds.IsTotalLabel(t) && t.Length <= 8 && !t.StartsWith("本年"));
        if (CellKinds.IsCode(first)) return true;
        if ((first is "合计" or "总计" || CellKinds.StartsWithOrdinal(first)) && RestIsData()) return true;
        if (nonEmpty.Count(CellKinds.IsValue) >= 2 && nonEmpty.Count(CellKinds.IsValue) * 2 >= nonEmpty.Count) return true;
        // Below a header, a name with whole numbers (自评分数 100) is data; a year (2019) could still be a header.
        return headerSeen && nonEmpty.Any(t => CellKinds.IsValue(t) && !IsYear(t)) && !CellKinds.IsValue(first);
    }

    private static bool IsYear(string t) => t.Length == 4 && (t.StartsWith("19") || t.StartsWith("20")) && t.All(char.IsAsciiDigit);

    /// <summary>The header texts over column c, top down, each with the number of columns its cell spans.</summary>
    private static readonly char[] HeaderNoise = ['\'', '、', ',', '.', ':', ';', '|', '_', '~', '`', '!', '-'];

    private static List<(string Text, int Span)> HeaderParts(TableGrid grid, List<int> headerRows, int c)
    {
        var parts = new List<(string, int)>();
        foreach (var r in headerRows)
        {
            var (r0, _) = grid.Origin(r, c);
            if (r0 < r) continue; // a cell spanning down from the row above: already counted
            // Stray marks at a header's ends are noise (OCR reads a border or a speck as 、 | _; quotes stay: “三公”经费), never a name.
            var text = TextNormalizer.Compact(grid.Cell(r, c).Text).Trim(HeaderNoise);
            if (text.Length == 0 || MoneyUnit.Declared(text) is not null) continue;
            if (parts.Count > 0 && parts[^1].Item1 == text) continue;
            parts.Add((text, grid.SpanOf(r, c)));
        }
        return parts;
    }

    private static string JoinName(List<(string Text, int Span)> parts, string? group, List<Segment> segments, int valueColumns, string topic)
    {
        // The group or side above a column is named by the row's group/side, not repeated in its column name.
        var p = parts.ToList();
        // "收 入" / "支 出" letter-spaced across a side's columns leaves one character over each: the side, not a name.
        while (p.Count > 1 && (p[0].Text == group || p[0].Text is "收入" or "支出" or "本年收入" or "本年支出" or "收" or "入" or "支" or "出" && segments.Count > 1
                               || segments.Count > 1 && segments.Any(s => s.GroupName == p[0].Text)))
            p.RemoveAt(0);
        // "支出预算"/"收入预算" over every amount column names the table, not a group of columns.
        // So does a header over every amount column that repeats the title (财政拨款“三公”经费 in 财政拨款“三公”经费支出决算表).
        if (p.Count > 1 && p[0].Span >= valueColumns && (p[0].Text.EndsWith("预算") || topic.Contains(p[0].Text))) p.RemoveAt(0);
        if (p.Count == 0) return string.Empty;
        var name = p[0].Text;
        for (var i = 1; i < p.Count; i++)
            name += p[i - 1].Span > p[i].Span ? "/" + p[i].Text : p[i].Text;
        return name;
    }

    private static ColumnRole RoleOf(List<(string Text, int Span)> parts, TableGrid grid, int body, int c)
    {
        var last = parts.Count > 0 ? parts[^1].Text : string.Empty;
        var all = string.Concat(parts.Select(p => p.Text));
        if (all.Contains("行次") || all.Contains("栏次")) return ColumnRole.LineNumber;
        if (last is "类" or "款" or "项") return ColumnRole.CodePart;
        if (all.Contains("编码") || all.Contains("代码") || last == "科目编码") return ColumnRole.Code;
        if (last is "序号") return ColumnRole.Ignored;
        if (last.Contains("名称") || last is "项目" or "科目" or "收入" or "支出" || last.EndsWith("指标")) return ColumnRole.Label;
        if (IsLineNumbering(grid, body, c)) return ColumnRole.LineNumber;
        int codes = 0, values = 0, texts = 0;
        var codeTexts = new HashSet<string>();
        for (var r = body; r < grid.RowCount; r++)
        {
            var t = TextNormalizer.Compact(grid.OwnText(r, c));
            if (t.Length == 0 || CellKinds.IsFooter(t)) continue;
            if (CellKinds.IsCode(t)) { codes++; codeTexts.Add(t); }
            else if (AmountParser.IsAmount(t) || t.EndsWith('%')) values++;
            else texts++;
        }
        // A column with nothing printed in it (a table finder's margin column) holds nothing and divides no sides.
        if (parts.Count == 0 && texts + values + codes == 0) return ColumnRole.Ignored;
        if (texts > values && texts >= codes) return ColumnRole.Label;
        // 3/5/7-digit amounts (237) look like codes: a column is a code column by its data only when its header allows it.
        if (codes > values && (all.Length == 0 || all.Contains("科目") || all.Contains("项目") || IsCodeHierarchy(codeTexts)))
            return ColumnRole.Code;
        return ColumnRole.Value;
    }

    private static bool UnitColumn(string header) => header is "单位名称" or "预算单位" or "预算单位名称" or "单位" or "决算单位" or "部门(单位)名称";

    private static bool IsTwoDigitColumn(TableGrid grid, int body, int c)
    {
        var texts = Enumerable.Range(body, grid.RowCount - body).Select(r => TextNormalizer.Compact(grid.OwnText(r, c))).Where(t => t.Length > 0).ToList();
        var parts = texts.Count(t => t.Length == 2 && t.All(char.IsAsciiDigit));
        // A stray header letter in the first body row (款 or 项 misread) does not make it an amount column.
        return parts >= 2 && texts.All(t => t.Length == 2 && t.All(char.IsAsciiDigit) || t.Length <= 2 && !t.Any(char.IsAsciiDigit));
    }

    /// <summary>
    /// 行次 printed as 1, 2, 3 … down the rows is a line number column even when its header is unreadable
    /// (OCR): amounts never run as consecutive integers from 1.
    /// </summary>
    private static bool IsLineNumbering(TableGrid grid, int body, int c)
    {
        var numbers = new List<int>();
        for (var r = body; r < grid.RowCount; r++)
        {
            var t = TextNormalizer.Compact(grid.OwnText(r, c));
            if (t.Length == 0) continue;
            if (!int.TryParse(t, out var n) || t.Length > 3) return false;
            numbers.Add(n);
        }
        return numbers.Count >= 5 && CellKinds.CountsUpFromOne(numbers);
    }

    /// <summary>
    /// Codes nest (301 ⊃ 30101 ⊃ …) where amounts do not: a column whose longer entries mostly extend a
    /// shorter entry of the same column is a code column whatever its header says (OCR garbles headers).
    /// </summary>
    private static bool IsCodeHierarchy(HashSet<string> codes)
    {
        var longer = codes.Where(c => c.Length > 3).ToList();
        if (longer.Count < 3) return false;
        var nested = longer.Count(c => codes.Contains(c[..3]) || codes.Contains(c[..^2]));
        return nested >= 0.8 * longer.Count;
    }

    /// <summary>A new segment starts where a code or name column follows an amount column.</summary>
    private static List<Segment> Segments(List<ColumnRole> roles, List<List<(string Text, int Span)>> parts)
    {
        var starts = new List<int> { 0 };
        for (var c = 1; c < roles.Count; c++)
            if (roles[c] is ColumnRole.Label or ColumnRole.Code or ColumnRole.CodePart
                && roles[c - 1] is ColumnRole.Value or ColumnRole.LineNumber)
                starts.Add(c);
        var segments = new List<Segment>();
        for (var i = 0; i < starts.Count; i++)
        {
            var first = starts[i];
            var lastCol = i + 1 < starts.Count ? starts[i + 1] - 1 : roles.Count - 1;
            // The group is the lowest header over the segment that spans more than one column (功能分类 under 支出).
            var top = parts[first].Count > 1 ? parts[first].Take(parts[first].Count - 1).LastOrDefault(p => p.Span > 1).Text : null;
            segments.Add(new Segment(i, first, lastCol, starts.Count > 1 ? top : null));
        }
        // Several segments under one header (支出 over three classifications) are told apart by their name column.
        foreach (var dup in segments.Where(s => s.GroupName is not null).GroupBy(s => s.GroupName).Where(g => g.Count() > 1 && g.Key is not ("人员经费" or "公用经费")).ToList())
            foreach (var s in dup)
            {
                var name = parts[s.First].Count > 0 ? parts[s.First][^1].Text : $"group{s.Index + 1}";
                segments[s.Index] = s with { GroupName = name };
            }
        return segments;
    }
}
