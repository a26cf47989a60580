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
