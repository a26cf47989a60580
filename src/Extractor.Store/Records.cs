namespace Extractor.Store;

/// <summary>Where a document came from: a file path or URL, and for crawled files the page that linked it.</summary>
public sealed record DocumentOrigin(string Source, string? FoundOn = null, string? LinkText = null, long? SizeBytes = null);

/// <summary>What the store already holds for one sha256 (enough to decide skip or retry): a failure's reason and how long it ran.</summary>
public sealed record StoredStatus(string Sha256, string Status, string ExtractorVersion, string? ErrorReason = null, long? DurationMs = null);

/// <summary>Failure reasons that say something about the run rather than the document.</summary>
public static class FailureReasons
{
    /// <summary>
    /// Caused by the run, not the document: an internal error (a bug, a setting), a tool that is not installed, a write
    /// that failed. A plain rerun tries such documents again; a document's own defects (not_a_pdf, encrypted…) are not
    /// retried until the extractor changes or the user asks (--retry-failed).
    /// </summary>
    public static readonly IReadOnlySet<string> RunCaused = new HashSet<string>(StringComparer.Ordinal)
    {
        "error", "ocr_unavailable", "store_error",
    };
}

/// <summary>The store cannot be opened or written (not a database, unwritable path, newer schema).</summary>
public class StoreException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The store stopped taking writes (disk full, read-only, I/O error) while a document was being stored: nothing of that
/// document was stored (its transaction rolled back); everything stored before it is intact. Rerun to resume.
/// </summary>
public sealed class StoreWriteException(string source, string sha256, Exception inner)
    : StoreException($"{What(inner)} while storing {source}: it was not stored; everything before it is; {Remedy(inner)}, then run the same command again to resume", inner)
{
    public string Source { get; } = source;
    public string Sha256 { get; } = sha256;

    /// <summary>An error of the store's file or disk rather than of one document's data.</summary>
    public static bool IsStoreFault(Exception e) => e is Microsoft.Data.Sqlite.SqliteException s
        && (s.SqliteErrorCode is 13 /* FULL */ or 10 /* IOERR */ or 8 /* READONLY */ or 11 /* CORRUPT */ or 26 /* NOTADB */)
        || e is IOException;

    private static string What(Exception e) => e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 } ? "disk full"
        : e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 } ? "the store became read-only"
        : e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 11 or 26 } ? "the store file is damaged"
        : "the store's disk failed (I/O error)";

    private static string Remedy(Exception e) => e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 13 } ? "free some space"
        : e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 8 } ? "make it writable"
        : "check the disk";
}

/// <summary>One row of `extractor documents`.</summary>
public sealed class DocumentRecord
{
    public string Sha256 { get; init; } = "";
    public string Source { get; init; } = "";
    public string? FoundOn { get; init; }
    public string? LinkText { get; init; }
    public string? MediaType { get; init; }
    public string? Kind { get; init; }
    public string? Scope { get; init; }
    public string? Agency { get; init; }
    public int? FiscalYear { get; init; }
    public string? PublishedOn { get; init; }
    public string? Unit { get; init; }
    public int? Pages { get; init; }
    public string Status { get; init; } = "";
    public string? ErrorReason { get; init; }
    public string? ErrorMessage { get; init; }
    public string ExtractorVersion { get; init; } = "";
    public string IngestedAt { get; init; } = "";
}

/// <summary>One row of `extractor facts`: the fact, its provenance, and the document it was read from.</summary>
public sealed class FactRecord
{
    public string Sha256 { get; init; } = "";
    public string Source { get; init; } = "";
    public string? Agency { get; init; }
    public int? FiscalYear { get; init; }
    public string? Kind { get; init; }
    public string? Scope { get; init; }
    public string Key { get; init; } = "";
    public decimal Value { get; init; }
    public string? Unit { get; init; }
    public string? ProvenanceKind { get; init; }
    public string? Table { get; init; }
    public int? Page { get; init; }
    public double[]? Bbox { get; init; }
    public string? Path { get; init; }
    public string? Printed { get; init; }
    public string? PrintedUnit { get; init; }
    public double? Confidence { get; init; }
    public string ExtractorVersion { get; init; } = "";
}

/// <summary>Filters of `extractor facts`: key exact (or a prefix ending in *), fiscal year, agency substring.</summary>
/// <summary>Which facts to list; Sha256 narrows to one document.</summary>
public sealed record FactFilter(string? Key = null, int? Year = null, string? Agency = null, string? Sha256 = null);

/// <summary>Row counts, for the ingest summary.</summary>
public sealed record StoreCounts(long Documents, long Ok, long Partial, long Failed, long Tables, long Rows, long Facts, long Checks);
