using System.Text.Json.Serialization;

namespace Extractor.Core.Report;

/// <summary>The JSON of one extracted document, SCHEMA §1 ("report/v1").</summary>
public sealed class Report
{
    public string Schema { get; init; } = "report/v1";
    public required ReportDocument Document { get; init; }
    public List<Section> Sections { get; init; } = [];
    public List<ReportTable> Tables { get; init; } = [];
    public List<Fact> Facts { get; init; } = [];
    public List<Check> Checks { get; init; } = [];
    /// <summary>Why a value was not taken (typos, unreadable numbers): reported, never silently read.</summary>
    public List<string> Warnings { get; init; } = [];
    /// <summary>
    /// Stages that broke on this document (extension of SCHEMA §1; absent when none did): the report holds what the
    /// other stages found, and is stored as partial, not ok.
    /// </summary>
    public List<StageFailure>? StageFailures { get; set; }

    public bool IsPartial => StageFailures is { Count: > 0 };

    public void AddStageFailure(string stage, string reason) => (StageFailures ??= []).Add(new StageFailure(stage, reason));
}

/// <summary>A stage (table_mapping, sections, facts, checks, ocr…) that broke on a document, and why, in words a user can act on.</summary>
public sealed record StageFailure(string Stage, string Reason)
{
    /// <summary>The reason code stored for a partial document when not "STAGE_failed" (ocr_unavailable).</summary>
    public string? Code { get; init; }
}

public sealed class ReportDocument
{
    public required string Sha256 { get; init; }
    public required string Source { get; init; }
    public required string MediaType { get; init; }
    public string Kind { get; set; } = DocumentKinds.Unknown;
    public string Scope { get; set; } = "unknown";
    public string? Agency { get; set; }
    public int? FiscalYear { get; set; }
    public string? PublishedOn { get; set; }
    public string? Unit { get; set; }
    public int Pages { get; init; }
    public string ExtractorVersion { get; init; } = ExtractorInfo.Version;
    /// <summary>Where kind, scope, agency, year, unit and date were read: field → the printed text and its page.</summary>
    public Dictionary<string, Evidence> Evidence { get; init; } = [];
}

/// <summary>Printed text and its page; Source names where else it was read when not on a page (page 0).</summary>
public sealed record Evidence(string Text, int Page, string? Source = null);

public static class DocumentKinds
{
    public const string FinalAccount = "final_account";
    public const string Budget = "budget";
    public const string PerformanceEvaluation = "performance_evaluation";
    public const string Unknown = "unknown";
}

/// <summary>Where a number came from: page and bbox for PDFs, element path for HTML/DOCX.</summary>
public sealed class Provenance
{
    public string? Kind { get; init; }
    public string? Table { get; init; }
    public int Page { get; init; }
    public double[]? Bbox { get; init; }
    public string? Path { get; init; }
    public string? Printed { get; init; }
    public string? PrintedUnit { get; init; }
    /// <summary>Below 1 for values read by OCR.</summary>
    public double? Confidence { get; init; }
    /// <summary>The column the figure was read from, for table facts (SCHEMA extension).</summary>
    public string? Column { get; init; }
}

public sealed class Section
{
    public required string Id { get; init; }
    public required string Heading { get; init; }
    public int Level { get; init; }
    public int Page { get; init; }
    public int? PageEnd { get; init; }
    public double Confidence { get; init; }
    public string Text { get; init; } = string.Empty;
}

public sealed class ReportTable
{
    public required string Id { get; init; }
    public string? Title { get; init; }
    public int PageStart { get; init; }
    public int PageEnd { get; init; }
    public string? Unit { get; init; }
    public List<string> Columns { get; init; } = [];
    public List<ReportRow> Rows { get; init; } = [];
    public double[]? Bbox { get; init; }
    public string? Method { get; init; }
    /// <summary>
    /// What each amount column measures (SCHEMA extension), keyed like <see cref="Columns"/>: decided once,
    /// after canonical mapping, and read by facts and checks instead of matching header text again.
    /// </summary>
    public Dictionary<string, ColumnMeaning> ColumnRoles { get; init; } = [];
    /// <summary>Where the table is printed on each of its pages (SCHEMA extension): its rows' extent, header included.</summary>
    public List<TableRegion> Regions { get; init; } = [];
}

/// <summary>The part of one page a table covers (bbox in PDF points, origin bottom-left).</summary>
public sealed record TableRegion(int Page, double[] Bbox);

/// <summary>
/// The meaning of one amount column. <see cref="Kind"/>: amount (a figure of its own), total (the sum of its
/// sibling amounts: 合计, 小计), subset (a part of a sibling: 其中…, 扣除…后), change (增减额), percent (a rate or
/// share), quantity (数量, 人数), price (单价), text (remarks). <see cref="Measure"/> names what the figures are of
/// (basic, project, fiscal_appropriation, three-public items…), <see cref="Basis"/> whether they are budgeted
/// (budget: 预算数) or actual (actual: 决算数, 执行数) where the header says so, <see cref="Period"/> "prior" for another
/// year's figures (上年数, 2025年执行数 in a 2026 budget), and <see cref="Unit"/> a money unit the header declares for
/// this column alone (金额(元) in a table in 万元).
/// </summary>
public sealed record ColumnMeaning(string Kind, string? Measure = null, string? Basis = null, string? Period = null, string? Unit = null);

public static class ColumnKinds
{
    public const string Amount = "amount";
    public const string Total = "total";
    public const string Subset = "subset";
    public const string Change = "change";
    public const string Percent = "percent";
    public const string Quantity = "quantity";
    public const string Price = "price";
    public const string Text = "text";

    /// <summary>Money figures of the column's own year that may be added up: amounts and totals.</summary>
    public static bool IsAddable(string kind) => kind is Amount or Total;
}

public sealed class ReportRow
{
    public string? Code { get; init; }
    public required string Label { get; init; }
    public int? Level { get; init; }
    public string? Side { get; init; }
    public string? Group { get; init; }
    public Dictionary<string, decimal> Values { get; init; } = [];
    public Provenance? Provenance { get; init; }
    /// <summary>What the row is (SCHEMA extension): income_total, grand_total, carryover_opening, basic, personnel,
    /// a three-public item…; null for an ordinary item. Decided once, after canonical mapping. A 收支总表 side that
    /// prints one total line and no 结转 lines gives that line two roles (income_total and grand_total).</summary>
    public List<string>? Roles { get; init; }

    public bool Is(string role) => Roles is { } r && r.Contains(role);
    /// <summary>The 预算单位 a row belongs to, where a table repeats its classification once per unit (SCHEMA extension).</summary>
    public string? BudgetUnit { get; init; }

    /// <summary>
    /// Where each value was printed, by column (extension of SCHEMA §1): the page and the box of the figure itself
    /// for PDFs, the cell's element path for web pages and Office files. Null when no value has a position.
    /// </summary>
    public Dictionary<string, Provenance>? Cells { get; init; }
    /// <summary>
    /// Cells printed as words, keyed by column like <see cref="Values"/> (SCHEMA extension): a performance form's
    /// project name, 主管部门, 年度目标, an indicator's 一级/二级指标, its 指标值 as printed (≥95%, 按时完成) with the
    /// comparison, figure and unit read from it (target_comparison, target_value, target_unit), 实际完成值, 偏差原因.
    /// </summary>
    public Dictionary<string, string>? Texts { get; init; }
}

public sealed class Fact
{
    public required string Key { get; init; }
    public decimal Value { get; init; }
    public string Unit { get; init; } = "万元";
    public required Provenance Provenance { get; init; }
}

public sealed class Check
{
    public required string Rule { get; init; }
    public required string Status { get; init; }
    public decimal? Expected { get; init; }
    public decimal? Actual { get; init; }
    public decimal? Tolerance { get; init; }
    public string? Message { get; init; }
    public List<Provenance> Evidence { get; init; } = [];
}

public static class CheckStatus
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string NotApplicable = "not_applicable";
    public const string InsufficientData = "insufficient_data";
}
