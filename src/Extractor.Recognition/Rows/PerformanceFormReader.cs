using System.Text.RegularExpressions;
using Extractor.Core.Layout;
using Extractor.Core.Report;
using Extractor.Core.Tables;
using Extractor.Core.Text;
using Extractor.Recognition.Amounts;
using Extractor.Recognition.Meaning;
using Extractor.Recognition.Tables;
using F = Extractor.Recognition.Meaning.PerformanceFields;

namespace Extractor.Recognition.Rows;

/// <summary>One column of a form's indicator grid: its printed name and the field it is (perf-fields.tsv).</summary>
public sealed record FormColumn(int Index, string Name, string? Field, double Left = double.NaN, double Right = double.NaN);

/// <summary>The indicator grid's columns, carried to the part of the grid printed on the next page.</summary>
public sealed record FormGrid(IReadOnlyList<FormColumn> Columns, int Width);

/// <summary>
/// Reads a performance form (绩效目标表, 绩效自评表) field by field, as every province prints one: the project's
/// field block (项目名称, 主管部门, 实施单位, 年度资金总额 / 财政拨款 / 其他资金, 年度目标; a self-evaluation's small grid of
/// sources × 年初预算数 / 全年预算数 / 全年执行数 / 分值 / 执行率 / 得分) above a grid of indicators headed 一级/二级/三级指标,
/// 指标值, 实际完成值, 分值, 得分, 偏差原因; or one grid that lists several projects, each line naming its project
/// (项目名称 | 项目总额 | 绩效目标 | 一级指标 …). Rows: one per project (role project), one per indicator (role
/// indicator, its words in <see cref="ReportRow.Texts"/>, its weight and score in <see cref="ReportRow.Values"/>),
/// the 总分/合计 line (role total). What each label is comes from perf-fields.tsv only.
/// </summary>
public static partial class PerformanceFormReader
{
    public sealed record Result(List<ReportRow> Rows, FormGrid? Grid);

    private sealed class Draft
    {
        public required string Role;
        public string Label = string.Empty;
        public readonly Dictionary<string, decimal> Values = [];
        public readonly Dictionary<string, string> Texts = [];
        public readonly Dictionary<string, Provenance> Boxes = [];
        public int Page;
        public Box? Box;
        /// <summary>A project named on a line of the indicator grid (not the form's field block above it).</summary>
        public bool OnGridLine;
        public string? Path;

        public void Cover(string column, RawCell cell, int page)
        {
            if (Page == 0) Page = page;
            Path ??= cell.Path;
            if (cell.Box is not { } b || b == default) return;
            Boxes.TryAdd(column, new Provenance { Page = page, Bbox = b.ToArray(), Path = cell.Path });
            Box = Box is { } had ? had.Union(b) : b;
        }
    }

    /// <summary>
    /// The form's rows, or null when the table shows neither an indicator grid nor a field block (then it is read as
    /// a plain table). <paramref name="carried"/>: the grid's columns from the page before, for a part printed without
    /// its header; <paramref name="project"/>: the project that part continues; <paramref name="fromImage"/>: the table
    /// was read from a page image, so a header name one glyph off the lexicon's is taken for it (<see cref="F.NearOf"/>).
    /// </summary>
    public static Result? Read(TableGrid grid, string? title, FormGrid? carried = null, ReportRow? project = null, bool continuation = false, bool fromImage = false)
    {
        var headerRow = FindIndicatorHeader(grid, fromImage);
        FormGrid? columns = null;
        int bodyStart, blockEnd;
        if (headerRow >= 0)
        {
            var (first, last) = HeaderBand(grid, headerRow, fromImage);
            columns = Columns(grid, first, last, fromImage);
            blockEnd = first;
            bodyStart = last + 1;
        }
        else if (carried is not null && (carried.Width == grid.ColumnCount ? carried : ByPosition(grid, carried)) is { } same)
        {
            columns = same;
            blockEnd = 0;
            bodyStart = 0;
        }
        else if (continuation) return null;
        else
        {
            blockEnd = grid.RowCount;
            bodyStart = grid.RowCount;
        }

        var rows = new List<Draft>();
        var name = project?.Label;
        // A part that opens with another project's field block (one form per project, one after another) is that
        // project's form, not the rest of the one before.
        if (continuation && blockEnd > 0 && ReadBlock(grid, 0, blockEnd, fromImage) is { Label.Length: > 0 } other && other.Label != project?.Label) return null;
        var block = continuation ? null : ReadBlock(grid, 0, blockEnd, fromImage);
        if (block is not null)
        {
            if (block.Label.Length == 0) block.Label = title?.Trim() ?? string.Empty;
            rows.Add(block);
            name = block.Label;
        }
        if (columns is not null) ReadBody(grid, columns, bodyStart, rows, name, project, fromImage);
        if (rows.Count == 0 || columns is null && block is null) return null;
        return new Result(rows.Select(ToRow).ToList(), columns);
    }

    /// <summary>
    /// The unit the form declares for its money in a label of its own (项目资金(万元), 资金总额(万元), 年度资金总额(元)),
    /// or null when it declares none or two different ones. A form printed after a table in 元 is not in 元 for that.
    /// </summary>
    public static string? DeclaredUnit(TableGrid grid)
    {
        var units = new HashSet<string>();
        for (var r = 0; r < grid.RowCount; r++)
            for (var c = 0; c < grid.ColumnCount; c++)
            {
                var text = TextNormalizer.Compact(grid.OwnText(r, c));
                if (text.Length is 0 or > 20 || UnitLabel().Match(text) is not { Success: true } m) continue;
                // Only a label of the form's money: the words before the unit are a funds field or group.
                var field = F.Of(text[..m.Index]) ?? F.Of(text);
                if (field is F.FundsGroup || F.IsMoney(field)) units.Add(m.Groups["unit"].Value);
            }
        return units.Count == 1 ? units.Single() : null;
    }

    [GeneratedRegex(@"[(（](?<unit>万元|亿元|元)[)）]")]
    private static partial Regex UnitLabel();

    // ---- the indicator grid ----

    /// <summary>The field a header cell names: as printed, or, read from an image, with one glyph misread.</summary>
    private static (string Name, string? Field) HeaderName(string text, bool fromImage) =>
        F.Of(text) is { } field ? (text, field) : fromImage && F.NearOf(text) is { } near ? (near.Name, near.Field) : (text, null);

    private static int FindIndicatorHeader(TableGrid grid, bool fromImage)
    {
        for (var r = 0; r < grid.RowCount; r++)
        {
            var fields = Enumerable.Range(0, grid.ColumnCount).Select(c => HeaderName(grid.OwnText(r, c), fromImage).Field).ToHashSet();
            var levels = fields.Contains(F.Level1) || fields.Contains(F.Level2) || fields.Contains(F.Level3);
            var figures = fields.Contains(F.TargetValue) || fields.Contains(F.Weight) || fields.Contains(F.Score) || fields.Contains(F.ActualValue) || fields.Contains(F.Comparison);
            if (levels && figures) return r;
        }
        return -1;
    }

    /// <summary>The header lines around the indicator header: lines whose every cell is a field's name (or 其中).</summary>
    private static (int First, int Last) HeaderBand(TableGrid grid, int r0, bool fromImage)
    {
        var first = r0;
        while (first > 0 && IsHeaderLine(grid, first - 1, fromImage)) first--;
        var last = r0;
        while (last + 1 < grid.RowCount && (IsHeaderLine(grid, last + 1, fromImage) || IsHeaderRest(grid, last + 1))) last++;
        return (first, last);
    }

    /// <summary>
    /// The second line of header names cut in two (一级 over 指标, 二级 over 指标): each of its words, read after the
    /// word above it, is a field's name.
    /// </summary>
    private static bool IsHeaderRest(TableGrid grid, int r)
    {
        var cells = Enumerable.Range(0, grid.ColumnCount).Where(c => grid.OwnText(r, c).Length > 0).ToList();
        return cells.Count > 0 && cells.All(c => F.Of(grid.OwnText(r, c)) is null && !AmountParser.IsAmount(grid.OwnText(r, c))
            && F.Of(TextNormalizer.Compact(grid.Cell(r - 1, c).Text) + TextNormalizer.Compact(grid.OwnText(r, c))) is not null);
    }

    private static bool IsHeaderLine(TableGrid grid, int r, bool fromImage)
    {
        var texts = Enumerable.Range(0, grid.ColumnCount).Select(c => grid.OwnText(r, c)).Where(t => t.Length > 0).ToList();
        return texts.Count > 0 && texts.All(t => IsLeadIn(t) || HeaderName(t, fromImage).Field is not null) && !texts.Any(t => AmountParser.IsAmount(t));
    }

    private static bool IsLeadIn(string text) => Lexicon.Key(text) is "其中" or "" or ":" || TextNormalizer.Compact(text) is ":" or "：" or "其中:" or "其中：";

    private static FormGrid Columns(TableGrid grid, int first, int last, bool fromImage)
    {
        var columns = new List<FormColumn>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            string name = string.Empty;
            string? field = null;
            for (var r = last; r >= first; r--)
            {
                var text = TextNormalizer.Compact(grid.Cell(r, c).Text);
                if (text.Length == 0 || IsLeadIn(text)) continue;
                if (name.Length == 0) name = text;
                (var named, field) = HeaderName(text, fromImage);
                if (field is not null) { name = named; break; }
            }
            if (field is null && last > first)
            {
                // A name printed over two lines of the band (一级 / 指标).
                var joined = string.Concat(Enumerable.Range(first, last - first + 1).Select(r => TextNormalizer.Compact(grid.Cell(r, c).Text)).Distinct());
                if (F.Of(joined) is { } whole) (name, field) = (joined, whole);
            }
            var (left, right) = Extent(grid, c);
            columns.Add(new FormColumn(c, name, field, left, right));
        }
        return new FormGrid(columns, grid.ColumnCount);
    }

    /// <summary>Where column c is printed: the extent of its single-column cells.</summary>
    private static (double Left, double Right) Extent(TableGrid grid, int c)
    {
        var boxes = Enumerable.Range(0, grid.RowCount).Where(r => grid.IsOrigin(r, c) && grid.SpanOf(r, c) == 1)
            .Select(r => grid.Cell(r, c).Box).OfType<Box>().Where(b => b != default).ToList();
        return boxes.Count == 0 ? (double.NaN, double.NaN) : (boxes.Min(b => b.Left), boxes.Max(b => b.Right));
    }

    /// <summary>
    /// The grid's next page found with another number of columns (a column left empty there, or a page read by
    /// the text's alignment): each column is the carried column it is printed under. Null when a column lines up
    /// with no carried column is read as nothing; too few columns lining up is not the grid.
    /// </summary>
    private static FormGrid? ByPosition(TableGrid grid, FormGrid carried)
    {
        // Without geometry (a text or web table split by a blank line) the columns are the carried ones in order.
        if (carried.Columns.All(c => double.IsNaN(c.Left)))
            return new FormGrid(Enumerable.Range(0, grid.ColumnCount).Select(c => c < carried.Width ? carried.Columns[c] : new FormColumn(c, string.Empty, null)).ToList(), grid.ColumnCount);
        // A column printed empty on every line (其他资金 nowhere used) has no extent: nothing lines up under it.
        var columns = new List<FormColumn>();
        for (var c = 0; c < grid.ColumnCount; c++)
        {
            var centres = Enumerable.Range(0, grid.RowCount).Where(r => grid.IsOrigin(r, c) && grid.SpanOf(r, c) == 1)
                .Select(r => grid.Cell(r, c).Box).OfType<Box>().Where(b => b != default).Select(b => b.CentreX).Order().ToList();
            if (centres.Count == 0) { columns.Add(new FormColumn(c, string.Empty, null)); continue; }
            var x = centres[centres.Count / 2];
            var under = carried.Columns.Where(k => !double.IsNaN(k.Left) && k.Left - 2 <= x && x <= k.Right + 2).ToList();
            columns.Add(under.Count == 1 ? under[0] with { Index = c } : new FormColumn(c, string.Empty, null));
        }
        var fields = columns.Select(c => c.Field).ToHashSet();
        // The indicators' own columns must line up: 三级指标 or 指标值, or a score sheet's 分值 and 得分.
        if (fields.Count(f => f is not null) < 3 || !fields.Contains(F.Level3) && !fields.Contains(F.TargetValue) && !(fields.Contains(F.Weight) && fields.Contains(F.Score))) return null;
        return new FormGrid(columns, grid.ColumnCount);
    }

    private static readonly string[] ProjectFields = [F.ProjectName, F.UnitCode, F.FundsTotal, F.FundsFiscal, F.FundsCarryover, F.FundsOther, F.TargetText, F.Department, F.Implementer,
        F.FundsGeneralBudget, F.FundsGovernmentFund, F.FundsSpecialAccount, F.SpendingBasic, F.SpendingProject];

    private static void ReadBody(TableGrid grid, FormGrid form, int start, List<Draft> rows, string? project, ReportRow? before, bool fromImage)
    {
        var byField = form.Columns.Where(c => c.Field is not null).GroupBy(c => c.Field!).ToDictionary(g => g.Key, g => g.ToList());
        string? level1 = null, level2 = null;
        Draft? current = rows.LastOrDefault(r => r.Role == F.ProjectRow);
        Draft? last = null;
        var underProject = current is null ? 0 : rows.Skip(rows.IndexOf(current) + 1).Count(x => x.Role == F.IndicatorRow);
        var seenIndicator = false;
        for (var r = start; r < grid.RowCount; r++)
        {
            var page = grid.Raw.Rows[r].Page;
            var first = Enumerable.Range(0, grid.ColumnCount).Select(c => grid.OwnText(r, c)).FirstOrDefault(t => t.Length > 0);
            if (first is null) continue;
            if (CellKinds.IsFooter(first)) break;
            if (CellKinds.IsColumnNumberRow(Enumerable.Range(0, grid.ColumnCount).Select(c => grid.OwnText(r, c)).ToList())) continue;
            // The grid's header printed again over the part of the form on the next page (活动 | 绩效指标 | 指标性质 |
            // 指标值 | 度量单位): names of the grid's columns, no indicator.
            if (RepeatsHeader(grid, form, r, fromImage)) continue;
            (string Text, FormColumn Column)? Get(string field) =>
                byField.TryGetValue(field, out var cols)
                    ? cols.Select(c => (Text: grid.OwnText(r, c.Index), Column: c)).FirstOrDefault(x => x.Text.Length > 0) is { Text.Length: > 0 } hit ? hit : null
                    : null;

            // 合计 / 总分: the line closing the grid (or the list of projects).
            if (Enumerable.Range(0, grid.ColumnCount).Any(c => F.Of(grid.OwnText(r, c)) == F.Total))
            {
                var total = new Draft { Role = F.TotalRow, Label = Lexicon.Key(Enumerable.Range(0, grid.ColumnCount).Select(c => grid.OwnText(r, c)).First(t => F.Of(t) == F.Total)) };
                foreach (var c in form.Columns.Where(c => F.IsFigure(c.Field)))
                    if (Figure(c.Field, grid.OwnText(r, c.Index)) is { } v) { total.Values[c.Name] = v; total.Cover(c.Name, grid.Cell(r, c.Index), page); }
                if (total.Values.Count > 0) { total.Page = page; rows.Add(total); }
                last = null;
                continue;
            }

            // A line naming a project (the grid lists several): a new project row, unless it repeats the one a page
            // break cut (the next page prints the project's name and money again above the rest of its indicators).
            var name = Get(F.ProjectName);
            var funds = form.Columns.Where(c => F.IsMoney(c.Field)).Select(c => (c, v: AmountParser.Parse(grid.OwnText(r, c.Index)))).Where(x => x.v is not null).ToList();
            // Words under the money columns before any indicator (按收入性质分 / 按支出性质分 over a department-wide
            // form's 资金总额 columns): the rest of the header, read as a line of the body; a project prints money there.
            if (!seenIndicator && funds.Count == 0 && form.Columns.Where(c => F.IsMoney(c.Field)).Select(c => grid.OwnText(r, c.Index))
                    .Any(t => t.Length > 0 && Figure(t) is null))
                continue;
            // Money in a project column starts a project: indicators print no money there.
            if (name is not null || funds.Count > 0)
            {
                var label = name is { } n ? TextNormalizer.Compact(n.Text) : string.Empty;
                var values = current?.Values ?? before?.Values;
                if (label.Length > 0 && (current?.Label ?? before?.Label) == label && funds.All(x => values?.GetValueOrDefault(x.c.Name) == x.v))
                    project = label;
                else if (current is { Role: F.ProjectRow } cut && CutName(grid, form, r, page, cut, label, funds.Count > 0, rows) is { } whole)
                {
                    // A project's name cell cut by the page break (or wrapped over lines its money is not printed on):
                    // one project, its name the pieces together, its indicators under that name.
                    foreach (var x in rows.Skip(rows.IndexOf(cut) + 1))
                        foreach (var k in x.Texts.Where(kv => F.Of(kv.Key) == F.ProjectName && kv.Value == cut.Label).Select(kv => kv.Key).ToList())
                            x.Texts[k] = whole;
                    cut.Label = whole;
                    foreach (var (c, v) in funds) { cut.Values[c.Name] = v!.Value; cut.Cover(c.Name, grid.Cell(r, c.Index), page); }
                    project = whole;
                }
                else
                {
                    // The line before, with neither indicators nor a target of its own and at least this project's
                    // money, is the 预算单位's line over its projects (单位编码 | 单位名称 | 资金总额), not a project.
                    if (current is not null && underProject == 0 && rows.Contains(current) && current.Role == F.ProjectRow
                        && !current.Texts.Keys.Any(k => F.Of(k) == F.TargetText) && Total(current) is { } unit && funds.FirstOrDefault(x => x.c.Field == F.FundsTotal).v is { } own && own <= unit)
                        current.Role = F.UnitRow;
                    var p = new Draft { Role = F.ProjectRow, Label = label, OnGridLine = true };
                    foreach (var (c, v) in funds) { p.Values[c.Name] = v!.Value; p.Cover(c.Name, grid.Cell(r, c.Index), page); }
                    foreach (var field in ProjectFields.Where(f => !F.IsMoney(f)))
                        if (Get(field) is { } t) { p.Texts[t.Column.Name] = TextNormalizer.Compact(t.Text); p.Cover(t.Column.Name, grid.Cell(r, t.Column.Index), page); }
                    p.Page = page;
                    if (name is { } nn) p.Cover(nn.Column.Name, grid.Cell(r, nn.Column.Index), page);
                    rows.Add(p);
                    current = p;
                    underProject = 0;
                    project = label.Length > 0 ? label : project;
                }
                level1 = level2 = null;
                last = null;
            }

            var l1 = Get(F.Level1);
            var l2 = Get(F.Level2);
            var l3 = Get(F.Level3);
            var target = Get(F.TargetValue);
            var weight = Get(F.Weight);
            var score = Get(F.Score);
            if (l1 is not null) { level1 = TextNormalizer.Compact(l1.Value.Text); level2 = null; }
            if (l2 is not null) level2 = TextNormalizer.Compact(l2.Value.Text);
            // A first level carried over an own, empty 一级 cell (not one merged down from the line above, whose level
            // the page prints) that the line's second level does not belong to: a merged cell cut by the page break.
            if (l1 is null && l2 is not null && level1 is not null
                && byField.TryGetValue(F.Level1, out var l1Columns) && grid.Origin(r, l1Columns[0].Index).Row == r)
                level1 = IndicatorLevels.Carried(level1, level2!);
            // A line printing only a 三级指标 under an indicator that has its target: the wrapped rest of that
            // indicator's name (an indicator of its own prints its target or its figures on its line; a cell merged
            // down from the line above, a target shared by several indicators, is not an empty cell).
            var wrapped = l3 is not null && l1 is null && l2 is null && name is null && last is not null && last.Label.Length > 0
                && last.Texts.Keys.Any(k => F.Of(k) is F.TargetValue or F.ActualValue)
                && Enumerable.Range(0, grid.ColumnCount).All(c => c == l3.Value.Column.Index || grid.OwnText(r, c).Length == 0 && grid.Origin(r, c).Row == r);
            // A line naming nothing whose figures stand in columns the indicator above left empty: that indicator's
            // weight or score, printed on a middle line of its merged cell (an indicator spanning several lines of
            // 评价要点 or 评分标准). An indicator of its own in a grid with a 分值 column prints its 分值.
            if (l1 is null && l2 is null && l3 is null && name is null && target is null && (weight is not null || score is not null) && last is not null
                && form.Columns.Where(c => F.IsFigure(c.Field) && grid.OwnText(r, c.Index).Length > 0).ToList() is { Count: > 0 } figures
                && figures.All(c => !last.Values.ContainsKey(c.Name) && Figure(c.Field, grid.OwnText(r, c.Index)) is not null))
            {
                foreach (var c in figures) { last.Values[c.Name] = Figure(c.Field, grid.OwnText(r, c.Index))!.Value; last.Cover(c.Name, grid.Cell(r, c.Index), page); }
                continue;
            }
            if (wrapped || l3 is null && target is null && weight is null && score is null)
            {
                // A line with words only: the rest of the line above, wrapped (stream-read pages), or a level with no indicator.
                if (last is not null && l1 is null && l2 is null && name is null)
                    foreach (var c in form.Columns.Where(c => c.Field is F.Level3 or F.Deviation or F.Note or F.ActualValue))
                        if (grid.OwnText(r, c.Index) is { Length: > 0 } more)
                        {
                            if (c.Field == F.Level3 && last.Label.Length > 0) last.Label = TextNormalizer.Join(last.Label, more);
                            else last.Texts[c.Name] = TextNormalizer.Join(last.Texts.GetValueOrDefault(c.Name, string.Empty), more);
                        }
                continue;
            }

            // The indicator is its 三级指标; a grid printing no 三级指标 column (a score sheet of 一级/二级指标 with 分值
            // and 得分) scores its 二级指标, or its 一级指标 where it has no 二级.
            var indicator = l3 is { } x3 ? TextNormalizer.Compact(x3.Text)
                : byField.ContainsKey(F.Level3) ? string.Empty
                : level2 ?? (byField.ContainsKey(F.Level2) ? null : level1) ?? string.Empty;
            var d = new Draft { Role = F.IndicatorRow, Label = indicator, Page = page };
            if (project is not null) d.Texts[form.Columns.FirstOrDefault(c => c.Field == F.ProjectName)?.Name ?? "项目名称"] = project;
            var l1Name = byField.GetValueOrDefault(F.Level1)?[0].Name ?? "一级指标";
            var l2Name = byField.GetValueOrDefault(F.Level2)?[0].Name ?? "二级指标";
            if (level1 is not null) d.Texts[l1Name] = level1;
            if (level2 is not null) d.Texts[l2Name] = level2;
            // An indicator printed with its levels run into its name (产出指标数量指标开展监测工作) in a grid that has no
            // level columns of its own: the three parts, the name as the indicator.
            if (level1 is null && level2 is null && IndicatorLevels.Split(indicator) is { } levels)
                (d.Label, d.Texts[l1Name], d.Texts[l2Name]) = (levels.Indicator, levels.Level1, levels.Level2);
            if (l3 is { } c3) d.Cover(c3.Column.Name, grid.Cell(r, c3.Column.Index), page);
            foreach (var c in form.Columns)
            {
                if (c.Field is null || c.Field is F.Level1 or F.Level2 or F.Level3 or F.ProjectName || ProjectFields.Contains(c.Field)) continue;
                var text = grid.OwnText(r, c.Index);
                if (text.Length == 0 || d.Texts.ContainsKey(c.Name) || d.Values.ContainsKey(c.Name)) continue;
                if (F.IsFigure(c.Field) && Figure(c.Field, text) is { } v) d.Values[c.Name] = v;
                else d.Texts[c.Name] = TextNormalizer.Compact(text);
                d.Cover(c.Name, grid.Cell(r, c.Index), page);
            }
            if (l1 is { } c1) d.Cover(c1.Column.Name, grid.Cell(r, c1.Column.Index), page);
            if (l2 is { } c2) d.Cover(c2.Column.Name, grid.Cell(r, c2.Column.Index), page);
            Target(d, form);
            rows.Add(d);
            last = d;
            underProject++;
            seenIndicator = true;
        }
    }

    /// <summary>
    /// A line of the grid's column names: every word on it names a field, an indicator level or target among them,
    /// and each stands under the column of that field (or under a column the grid's header leaves unnamed).
    /// </summary>
    private static bool RepeatsHeader(TableGrid grid, FormGrid form, int r, bool fromImage)
    {
        var cells = Enumerable.Range(0, grid.ColumnCount).Where(c => grid.OwnText(r, c).Length > 0).ToList();
        if (cells.Count < 2 || !IsHeaderLine(grid, r, fromImage)) return false;
        var fields = cells.Select(c => (Column: c, HeaderName(grid.OwnText(r, c), fromImage).Field)).Where(x => x.Field is not null).ToList();
        if (!fields.Any(x => x.Field is F.Level1 or F.Level2 or F.Level3 or F.TargetValue)) return false;
        return fields.All(x => x.Column >= form.Columns.Count || form.Columns[x.Column].Field is null || form.Columns[x.Column].Field == x.Field);
    }

    /// <summary>
    /// In a grid whose projects print their money, a line naming a project without money (or money under a project
    /// named without it) is a piece of a project's name cell, not a project of its own: the name printed again where
    /// the page break cut its cell (a beginning of the project's name, with a beginning of its own 绩效目标 beside it:
    /// the same project); the rest of the name at the head of the next page (no project code of its own); or the
    /// project whose name began above and whose money is printed on this line. The whole name, or null.
    /// </summary>
    private static string? CutName(TableGrid grid, FormGrid form, int r, int page, Draft current, string label, bool money, List<Draft> rows)
    {
        // Only the grid's own project lines (not the form's field block above the grid, a department-wide form's
        // department), in a grid whose project lines print money.
        if (!current.OnGridLine || !rows.Any(x => x.OnGridLine && x.Role == F.ProjectRow && x.Values.Count > 0)) return null;
        var target = form.Columns.Where(c => c.Field == F.TargetText).Select(c => TextNormalizer.Compact(grid.OwnText(r, c.Index))).FirstOrDefault(t => t.Length > 0);
        var own = current.Texts.Where(kv => F.Of(kv.Key) == F.TargetText).Select(kv => kv.Value).FirstOrDefault() ?? string.Empty;
        if (!money && label.Length > 0 && current.Label.StartsWith(label, StringComparison.Ordinal) && current.Label.Length > label.Length
            && target is { Length: >= 4 } && own.StartsWith(target[..Math.Min(target.Length, CutMatch)], StringComparison.Ordinal))
            return current.Label;
        if (!money && label.Length > 0 && current.Values.Count > 0 && current.Page < page && !ProjectNames.HasCode(label))
            return current.Label + label;
        // (A code alone above, 11000022T000000, goes on in the code's rest: 457203-对外交流合作….)
        if (money && current.Values.Count == 0 && (!ProjectNames.HasCode(label) || !current.Label.Any(TextNormalizer.IsCjk)))
            return current.Label + label;
        return null;
    }

    /// <summary>How many first characters of a 绩效目标 printed again must be those of the project's own to be the same.</summary>
    private const int CutMatch = 12;

    /// <summary>A project line's 资金总额 (项目总额), as printed.</summary>
    private static decimal? Total(Draft project) =>
        project.Values.Where(kv => F.Of(kv.Key) == F.FundsTotal).Select(kv => (decimal?)kv.Value).FirstOrDefault();

    /// <summary>
    /// The target as parts: its comparison (≥, ≤, =, or 定性 for a target in words), its figure and its unit, read from the
    /// 指标值 as printed (≥95%, ≤ 100万元) and from comparison and unit columns where the form prints them apart.
    /// </summary>
    private static void Target(Draft d, FormGrid form)
    {
        string? Text(string field) => form.Columns.Where(c => c.Field == field).Select(c => d.Texts.GetValueOrDefault(c.Name)).FirstOrDefault(t => t is { Length: > 0 });
        var printed = Text(F.TargetValue);
        if (printed is null) return;
        var m = TargetPattern().Match(TextNormalizer.Compact(printed));
        var comparison = Text(F.Comparison);
        var unit = Text(F.TargetUnit);
        // A deadline printed as a date (2026年12月31日前, ≤2026/11/15) is a target in words: its year is no figure.
        var date = m.Success && DatePattern().IsMatch(m.Groups["num"].Value + m.Groups["unit"].Value);
        if (m.Success && !date && AmountParser.Parse(m.Groups["num"].Value) is { } n)
        {
            d.Texts["target_value"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var cmp = m.Groups["cmp"].Value;
            if (cmp.Length > 0) d.Texts["target_comparison"] = Comparison(cmp);
            else if (comparison is not null && IsComparison(comparison)) d.Texts["target_comparison"] = Comparison(comparison);
            var u = m.Groups["unit"].Value;
            if (u.Length > 0) d.Texts["target_unit"] = u;
            else if (unit is not null) d.Texts["target_unit"] = unit;
        }
        else if (date && m.Groups["cmp"].Value is { Length: > 0 } sign) d.Texts["target_comparison"] = Comparison(sign);
        else d.Texts["target_comparison"] = comparison is { } c && c != "定性" && Comparison(c) is var k && k != c ? k : "定性";
    }

    /// <summary>
    /// A comparison as forms print one: a sign (≥, ≤, =, >, <) or words (大于等于, 正向). A Latin letter or another mark
    /// there (M, W, ?) is the recogniser's guess at a sign it could not read on a page image, not a comparison.
    /// </summary>
    private static bool IsComparison(string printed) =>
        Comparison(printed) is "≥" or "≤" or "=" or ">" or "<" || TextNormalizer.Compact(printed).All(TextNormalizer.IsCjk);

    private static string Comparison(string printed) => TextNormalizer.Compact(printed) switch
    {
        "≥" or "≧" or ">=" or "大于等于" or "不低于" or "不少于" => "≥",
        "≤" or "≦" or "<=" or "小于等于" or "不高于" or "不超过" or "不多于" => "≤",
        "=" or "＝" or "等于" => "=",
        ">" or "大于" or "高于" => ">",
        "<" or "小于" or "低于" => "<",
        var other => other,
    };

    /// <summary>
    /// A figure under a column of the given field. A dash is nil money (0) under an amount, but under a 分值, 得分 or
    /// 执行率 it says the line is not weighed or scored there (the self-evaluation form prints — for its 其中 lines'
    /// 分值, 执行率 and 得分): no figure, the dash kept as printed text.
    /// </summary>
    private static decimal? Figure(string? field, string text) =>
        !F.IsMoney(field) && AmountParser.IsNilMark(TextNormalizer.Compact(text)) ? null : Figure(text);

    /// <summary>A figure of a form: money, a weight, a score, or a rate printed with its % sign.</summary>
    public static decimal? Figure(string text)
    {
        var t = TextNormalizer.Compact(text);
        if (t.EndsWith('%')) t = t[..^1];
        return AmountParser.Parse(t);
    }

    // ---- the field block above the grid ----

    /// <summary>
    /// The project's field block: label | value pairs (项目名称 | …, 年度资金总额 | 2,134.87), and small grids whose
    /// first line names their columns (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分; 预期目标 | 实际完成情况),
    /// each figure named "line/column" (年度资金总额/全年执行数). A label repeated under different columns (其中:财政拨款
    /// under 预算数 and under 执行数) is named with the label printed above it in its column. Read from a page image, a
    /// label one glyph off a field's name is that name, as in the grid's header (<see cref="HeaderName"/>: 财政拔款 for
    /// 财政拨款 over a department's money).
    /// </summary>
    private static Draft? ReadBlock(TableGrid grid, int from, int to, bool fromImage)
    {
        var d = new Draft { Role = F.ProjectRow };
        var heads = new List<(int First, int Last, string Name)>();
        var above = new Dictionary<int, string>();
        var any = false;
        var wordsForMoney = false;
        var subHeading = -1;
        var sides = new List<(int Col, string Name)>();
        for (var r = from; r < to; r++)
        {
            var page = grid.Raw.Rows[r].Page;
            var cells = Enumerable.Range(0, grid.ColumnCount).Where(c => grid.IsOrigin(r, c) || grid.OwnText(r, c).Length > 0)
                .Select(c => (Col: c, Span: grid.SpanOf(r, c), Text: HeaderName(TextNormalizer.Compact(grid.OwnText(r, c)), fromImage).Name))
                .Where(x => x.Text.Length > 0 && !IsLeadIn(x.Text)).ToList();
            // A label the table finder cut in two (项 | 目名称, 年度总体 | 目标): the two cells make the field's name together.
            // Where the first part is a field's name itself (项目 | 名称), only if together they are a field's whole
            // name: 主管部门 | 某局 reads as 主管部门… too, but only as its beginning.
            for (var i = 0; i + 1 < cells.Count; i++)
                if (F.Of(cells[i + 1].Text) is null && F.Of(cells[i].Text + cells[i + 1].Text) is not null
                    && (F.Of(cells[i].Text) is null || !AmountParser.IsAmount(cells[i + 1].Text) && WholeName(cells[i].Text + cells[i + 1].Text)))
                {
                    cells[i] = (cells[i].Col, cells[i + 1].Col + cells[i + 1].Span - cells[i].Col, cells[i].Text + cells[i + 1].Text);
                    cells.RemoveAt(i + 1);
                }
            if (cells.Count == 0) continue;
            var fields = cells.Select(x => F.Of(x.Text)).ToList();
            // A line of column names: every cell (past a leading group label) is a field, none a value.
            var named = cells.Select((x, i) => (x, f: fields[i])).Where(p => p.f is not null && p.f != F.FundsGroup).ToList();
            if (named.Count >= 2 && named.Count == cells.Count(x => F.Of(x.Text) != F.FundsGroup) && named.Skip(1).All(p => !F.IsMoney(p.f) || p.f is F.BudgetInitial or F.BudgetYear or F.Expenditure)
                && named.Skip(1).Any(p => p.f is F.BudgetInitial or F.BudgetYear or F.Expenditure or F.Rate or F.Weight or F.Score or F.TargetText or F.ActualText))
            {
                var skip = fields[0] is F.TargetText or F.ActualText && named.Count > 2 ? 1 : 0; // 年度总体目标 | 预期目标 | 实际完成情况
                heads = named.Skip(skip).Select(p => (p.x.Col, p.x.Col + p.x.Span - 1, Name(p.x.Text))).ToList();
                continue;
            }
            // A heading of money columns over a line of figures (Beijing's 总体资金情况: 预算支出总额 | 财政拨款 | 其他资金, with
            // 合计 | 基本支出 | 项目支出 under each source): names only, no figure, figures on the line below it or below
            // the line of sub-names. A figure under 财政拨款's 基本支出 is named 财政拨款/基本支出; under its 合计, 财政拨款.
            if (named.Count >= 2 && named.Count == cells.Count(x => F.Of(x.Text) != F.FundsGroup) && named.All(p => F.IsMoney(p.f) || p.f == F.Total)
                && named.Any(p => F.IsMoney(p.f)) && NamesOverFigures(grid, r, to) > 0)
            {
                var line = named.Select(p => (p.x.Col, p.x.Col + p.x.Span - 1, Name(p.x.Text))).ToList();
                if (r == subHeading) heads = Under(heads, line);
                else
                {
                    heads = line;
                    subHeading = NamesOverFigures(grid, r, to) == 2 ? NextLine(grid, r, to) : -1;
                }
                continue;
            }
            string? lineKey = null;
            string? pending = null;
            // Two totals side by side on one line, each followed by its figure (a project's whole 项目资金总额 beside the
            // year's 年度资金申请总额): each heads the sources printed below it, in its own band of columns.
            if (heads.Count == 0 && cells.Where((_, i) => fields[i] == F.FundsTotal).Select(x => (x.Col, Name(x.Text))).ToList() is { Count: >= 2 } totals)
                sides = totals;
            for (var i = 0; i < cells.Count; i++)
            {
                var (col, span, text) = cells[i];
                var field = fields[i];
                if (field is F.FundsGroup or F.Total) continue;
                if (field is not null)
                {
                    var key = Name(text);
                    if (field is F.FundsFiscal or F.FundsOther or F.FundsCarryover && above.TryGetValue(col, out var over)) key = key + "/" + over;
                    else if (field is F.FundsFiscal or F.FundsOther or F.FundsCarryover && sides.Count > 0) key = (sides.LastOrDefault(s => s.Col <= col).Name ?? sides[0].Name) + "/" + key;
                    if (field is F.BudgetYear or F.Expenditure or F.BudgetInitial) above[col] = key;
                    // A line of the block's grid of sources × figures: a source, or the money by purpose (基本支出 | 项目支出) or by
                    // kind of budget (一般公共预算…) a department-wide self-evaluation prints as lines of the same grid.
                    if (heads.Count > 0 && (field is F.FundsTotal or F.FundsFiscal or F.FundsCarryover or F.FundsOther || F.IsByPurpose(field) || F.IsBySource(field))) { lineKey = key; pending = null; }
                    else pending = key;
                    any = true;
                    continue;
                }
                // A value: for the label before it, else for the column it stands under.
                var head = heads.FirstOrDefault(h => h.First <= col && col <= h.Last);
                // A value set wider than its heading (a paragraph under 年度总体目标 starting a column to its left): the
                // one heading its cell reaches under.
                if (head.Name is null && heads.Where(h => h.First <= col + span - 1 && col <= h.Last).ToList() is [var only]) head = only;
                if (head.Name is null && heads.Count > 0 && lineKey is not null) head = heads.LastOrDefault(h => h.First <= col);
                string? name = pending ?? (head.Name is null ? null : lineKey is null ? head.Name : lineKey + "/" + head.Name);
                if (name is null) continue;
                var nameField = F.Of(F.Segments(name)[^1]) ?? F.Of(F.Segments(name)[0]);
                if (pending is not null && F.Of(F.Segments(pending)[0]) is { } pf) nameField = pf;
                if (F.IsMoney(nameField) && Figure(text) is null) wordsForMoney = true;
                if (F.IsFigure(nameField) && Figure(nameField, text) is { } v) d.Values.TryAdd(name, v);
                else if (nameField == F.ProjectName && d.Label.Length == 0) d.Label = text;
                else d.Texts[name] = d.Texts.TryGetValue(name, out var had) ? TextNormalizer.Join(had, text) : text;
                d.Cover(name, grid.Cell(r, col), page);
                pending = null;
                any = true;
            }
        }
        // No figure anywhere and words where money stands (资金总额 | 按收入性质分): these lines are the upper header of
        // the grid (a department-wide form's 年度预算申请 over its money columns), not a project's fields.
        if (d.Values.Count == 0 && wordsForMoney) return null;
        return any && (d.Values.Count > 0 || d.Texts.Count > 0 || d.Label.Length > 0) ? d : null;
    }

    /// <summary>A field's name as a whole (项目名称), not a text that only begins like one (主管部门某局 reads as 主管部门…).</summary>
    private static bool WholeName(string text) => F.Of(text) is not null && F.Of(text + "之外") is null;

    private static int NextLine(TableGrid grid, int r, int to)
    {
        for (var k = r + 1; k < to; k++)
            if (Enumerable.Range(0, grid.ColumnCount).Any(c => grid.OwnText(k, c).Length > 0)) return k;
        return -1;
    }

    /// <summary>1: the next line prints figures and no field's name; 2: it is a line of names over such a line; else 0.</summary>
    private static int NamesOverFigures(TableGrid grid, int r, int to)
    {
        List<string> Texts(int k) => Enumerable.Range(0, grid.ColumnCount).Select(c => grid.OwnText(k, c)).Where(t => t.Length > 0).ToList();
        bool Figures(int k) => k >= 0 && Texts(k) is var t && t.Any(x => Figure(x) is not null) && t.All(x => F.Of(x) is null);
        bool Names(int k) => k >= 0 && Texts(k) is var t && t.Count > 0 && t.All(x => F.Of(x) is { } f && (F.IsMoney(f) || f == F.Total));
        var next = NextLine(grid, r, to);
        if (Figures(next)) return 1;
        return Names(next) && Figures(NextLine(grid, next, to)) ? 2 : 0;
    }

    /// <summary>Sub-names under a heading: each is read under the heading over its column (a heading runs to the next one).</summary>
    private static List<(int First, int Last, string Name)> Under(List<(int First, int Last, string Name)> heads, List<(int First, int Last, string Name)> subs)
    {
        var result = new List<(int, int, string)>();
        for (var i = 0; i < heads.Count; i++)
        {
            var (first, last, name) = heads[i];
            var end = i + 1 < heads.Count ? Math.Max(last, heads[i + 1].First - 1) : int.MaxValue;
            var below = subs.Where(s => s.First >= first && s.Last <= end).ToList();
            if (below.Count == 0) { result.Add(heads[i]); continue; }
            foreach (var s in below) result.Add((s.First, s.Last, F.Of(s.Name) == F.Total ? name : name + "/" + s.Name));
        }
        return result;
    }

    /// <summary>A label as a column name: compact, without its colon or the 其中 lead-in (其中:财政拨款 is 财政拨款).</summary>
    private static string Name(string label)
    {
        var key = Lexicon.Key(label);
        return key.StartsWith("其中") && key.Length > 2 ? key[2..].TrimStart(':', '：') : key;
    }

    private static ReportRow ToRow(Draft d) => new()
    {
        Label = d.Label,
        Values = d.Values,
        Texts = d.Texts.Count > 0 ? d.Texts : null,
        Cells = d.Boxes.Count > 0 ? d.Boxes : null,
        Roles = [d.Role],
        Provenance = new Provenance { Page = d.Page, Bbox = d.Box is { } b && b != default ? b.ToArray() : null, Path = d.Path },
    };

    [GeneratedRegex(@"^(?<cmp>≥|≤|≧|≦|>=|<=|>|<|=|＝|大于等于|小于等于|不低于|不高于|不少于|不超过|不多于|大于|小于|等于|高于|低于)?(?<num>[-+]?\d[\d,]*(?:\.\d+)?)(?<unit>.*)$")]
    private static partial Regex TargetPattern();

    /// <summary>
    /// A date: a year of this era followed by 年 and its month, its end or its whole (2026年12月底前, 2026年1-12月,
    /// 2026年底, 2026年), or written with slashes or dashes (2026/11/15, 2026-12-31). Not a duration (3年, 12月, 30天),
    /// not an amount (2000.5万元) nor a range of amounts (2000-3000元).
    /// </summary>
    [GeneratedRegex(@"^(19|20)\d\d(年(\d|$|底|内|前|度)|/\d{1,2}(/|$)|-\d{1,2}-\d)")]
    private static partial Regex DatePattern();
}
