using System.Data;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Extractor.Core.Report;
using Microsoft.Data.Sqlite;

namespace Extractor.Store;

/// <summary>
/// The SQLite store: one file, WAL mode, foreign keys on, migrations applied on open. Every document is written
/// in one transaction (all its sections, tables, cells, facts and checks, or nothing). Money is written as TEXT
/// holding the exact decimal. One instance holds one connection: use it from one thread at a time (ingest
/// funnels all writes through a single writer).
/// </summary>
public sealed class ExtractorStore : IDisposable
{
    private readonly SqliteConnection _db;

    static ExtractorStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private ExtractorStore(SqliteConnection db, string path)
    {
        _db = db;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens (and with <paramref name="create"/>, creates) the store and brings its schema up to date.</summary>
    public static ExtractorStore Open(string path, bool create = true)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!create && !File.Exists(full)) throw new StoreException($"no store at {path}");
        if (Directory.Exists(full)) throw new StoreException($"{path} is a directory, not a store file");
        var dir = System.IO.Path.GetDirectoryName(full);
        SqliteConnection? db = null;
        try
        {
            if (create && dir is not null) Directory.CreateDirectory(dir);
            var cs = new SqliteConnectionStringBuilder
            {
                DataSource = full,
                Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
                Pooling = false,
                ForeignKeys = true,
                DefaultTimeout = 30,
            };
            db = new SqliteConnection(cs.ToString());
            db.Open();
            db.Execute("PRAGMA busy_timeout = 30000");
            var mode = db.ExecuteScalar<string>("PRAGMA journal_mode = WAL");
            if (!string.Equals(mode, "wal", StringComparison.OrdinalIgnoreCase))
                throw new StoreException($"cannot switch to WAL mode (journal_mode={mode})");
            db.Execute("PRAGMA synchronous = NORMAL");
            Migrations.Apply(db);
            return new ExtractorStore(db, full);
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            db?.Dispose();
            throw new StoreException($"{path}: cannot open store: {e.Message.Split('\n')[0]}", e);
        }
        catch (StoreException e)
        {
            db?.Dispose();
            throw new StoreException($"{path}: {e.Message}", e);
        }
        catch
        {
            db?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Opens an existing store for reading only (documents, facts, compare, export, serve): nothing is written — no
    /// migration, no journal-mode change — so a store on read-only media (a DVD, a read-only mount, a shared folder) can
    /// be read. A store written by a newer extractor is refused by name; an older one is read as it is.
    /// </summary>
    public static ExtractorStore OpenReadOnly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new StoreException($"{path} is a directory, not a store file");
        if (!File.Exists(full)) throw new StoreException($"no store at {path}");
        try
        {
            try { return ReadOnly(full, path, immutable: false); }
            catch (SqliteException e) when (e.SqliteErrorCode == 14) // SQLITE_CANTOPEN
            {
                // A WAL store where SQLite may not create its -shm index (read-only media): read the file as it stands.
                return ReadOnly(full, path, immutable: true);
            }
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            throw new StoreException($"{path}: cannot open store: {e.Message.Split('\n')[0]}", e);
        }
    }

    private static ExtractorStore ReadOnly(string full, string path, bool immutable)
    {
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = immutable ? new Uri(full).AbsoluteUri + "?immutable=1" : full,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
            DefaultTimeout = 30,
        };
        var db = new SqliteConnection(cs.ToString());
        try
        {
            db.Open();
            db.Execute("PRAGMA busy_timeout = 30000");
            var hasVersions = db.ExecuteScalar<long>("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = 'schema_version'") > 0;
            var version = hasVersions ? db.ExecuteScalar<int>("SELECT coalesce(max(version), 0) FROM schema_version") : 0;
            if (version == 0) throw new StoreException($"{path}: not an extractor store (no schema version)");
            if (version > Migrations.Latest)
                throw new StoreException($"{path}: the store's schema (v{version}) is newer than this extractor's (v{Migrations.Latest}); upgrade extractor");
            return new ExtractorStore(db, full) { ReadOnlyMode = true };
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>Opened by <see cref="OpenReadOnly"/>: nothing may be written.</summary>
    public bool ReadOnlyMode { get; private init; }

    public int SchemaVersion => _db.ExecuteScalar<int>("SELECT coalesce(max(version), 0) FROM schema_version");

    /// <summary>Every stored sha256 with its status and extractor version, to skip documents before reading them.</summary>
    public Dictionary<string, StoredStatus> Known() =>
        _db.Query<StoredStatus>("SELECT sha256, status, extractor_version, error_reason, duration_ms FROM documents")
            .ToDictionary(s => s.Sha256);

    public StoredStatus? Find(string sha256) =>
        _db.QuerySingleOrDefault<StoredStatus>(
            "SELECT sha256, status, extractor_version, error_reason, duration_ms FROM documents WHERE sha256 = @sha256", new { sha256 });

    /// <summary>Stores a successfully extracted document, replacing whatever was stored under the same sha256.</summary>
    public void SaveReport(string sha256, DocumentOrigin origin, Report report, TimeSpan? duration = null)
    {
        var d = report.Document;
        var version = d.ExtractorVersion;
        using var tx = _db.BeginTransaction();
        _db.Execute("DELETE FROM documents WHERE sha256 = @sha256", new { sha256 }, tx);
        _db.Execute("""
            INSERT INTO documents (sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year,
                published_on, unit, pages, size_bytes, status, error_reason, error_message, evidence, warnings, extractor_version,
                ingested_at, duration_ms)
            VALUES (@sha256, @Source, @FoundOn, @LinkText, @MediaType, @Kind, @Scope, @Agency, @FiscalYear,
                @PublishedOn, @Unit, @Pages, @SizeBytes, @status, @reason, @message, @evidence, @warnings, @version, @now, @ms)
            """,
            new
            {
                sha256, origin.Source, origin.FoundOn, origin.LinkText, origin.SizeBytes,
                d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear, d.PublishedOn, d.Unit, d.Pages,
                evidence = d.Evidence.Count > 0 ? Json(d.Evidence) : null,
                warnings = report.Warnings.Count > 0 ? Json(report.Warnings) : null,
                version, now = Now(), ms = (long?)duration?.TotalMilliseconds,
                status = report.IsPartial ? "partial" : "ok",
                reason = report.IsPartial ? PartialReason(report) : null,
                message = report.StageFailures is { Count: > 0 } f ? string.Join("; ", f.Select(x => $"{x.Stage}: {x.Reason}")) : null,
            }, tx);

        _db.Execute("""
            INSERT INTO sections (document, ord, id, heading, level, page, page_end, confidence, text, extractor_version)
            VALUES (@sha256, @ord, @Id, @Heading, @Level, @Page, @PageEnd, @Confidence, @Text, @version)
            """,
            report.Sections.Select((s, i) => new
            {
                sha256, ord = i, s.Id, s.Heading, s.Level, s.Page, s.PageEnd, s.Confidence, s.Text, version,
            }), tx);

        // Rows and cells are most of a document's rows: one prepared statement each, rebound per row.
        using var insertTable = Prepare(tx, """
            INSERT INTO tables (document, ord, id, title, page_start, page_end, unit, columns, bbox, method, extractor_version)
            VALUES (@document, @ord, @id, @title, @page_start, @page_end, @unit, @columns, @bbox, @method, @extractor_version)
            RETURNING table_key
            """);
        using var insertRow = Prepare(tx, """
            INSERT INTO table_rows (table_key, document, ord, code, label, level, side, grp, page, bbox, path, printed, extractor_version, roles)
            VALUES (@table_key, @document, @ord, @code, @label, @level, @side, @grp, @page, @bbox, @path, @printed, @extractor_version, @roles)
            RETURNING row_key
            """);
        using var insertCell = Prepare(tx, """
            INSERT INTO cells (row_key, document, column_name, value, bbox, path) VALUES (@row_key, @document, @column_name, @value, @bbox, @path)
            """);
        using var insertText = Prepare(tx, """
            INSERT INTO text_cells (row_key, document, column_name, text, bbox) VALUES (@row_key, @document, @column_name, @text, @bbox)
            """);
        for (var t = 0; t < report.Tables.Count; t++)
        {
            var table = report.Tables[t];
            var tableKey = Run(insertTable, sha256, t, table.Id, table.Title, table.PageStart, table.PageEnd, table.Unit,
                Json(table.Columns), Bbox(table.Bbox), table.Method, version);
            for (var r = 0; r < table.Rows.Count; r++)
            {
                var row = table.Rows[r];
                var p = row.Provenance;
                var rowKey = Run(insertRow, tableKey, sha256, r, row.Code, row.Label, row.Level, row.Side, row.Group,
                    p?.Page, Bbox(p?.Bbox), p?.Path, p?.Printed, version, row.Roles is { Count: > 0 } roles ? Json(roles) : null);
                foreach (var (column, value) in row.Values)
                {
                    var at = row.Cells?.GetValueOrDefault(column);
                    Run(insertCell, rowKey, sha256, column, Dec(value), Bbox(at?.Bbox), at?.Path);
                }
                foreach (var (column, text) in row.Texts ?? []) Run(insertText, rowKey, sha256, column, text, CellBbox(row, column));
            }
        }

        _db.Execute("""
            INSERT INTO facts (document, ord, key, value, unit, page, bbox, path, printed, printed_unit, table_id,
                provenance_kind, confidence, extractor_version)
            VALUES (@sha256, @ord, @Key, @value, @Unit, @Page, @bbox, @Path, @Printed, @PrintedUnit, @Table,
                @Kind, @Confidence, @version)
            """,
            report.Facts.Select((f, i) => new
            {
                sha256, ord = i, f.Key, value = Dec(f.Value), f.Unit, f.Provenance.Page, bbox = Bbox(f.Provenance.Bbox),
                f.Provenance.Path, f.Provenance.Printed, f.Provenance.PrintedUnit, f.Provenance.Table,
                f.Provenance.Kind, f.Provenance.Confidence, version,
            }), tx);

        _db.Execute("""
            INSERT INTO checks (document, ord, rule, status, expected, actual, tolerance, message, evidence, extractor_version)
            VALUES (@sha256, @ord, @Rule, @Status, @expected, @actual, @tolerance, @Message, @evidence, @version)
            """,
            report.Checks.Select((c, i) => new
            {
                sha256, ord = i, c.Rule, c.Status, expected = Dec(c.Expected), actual = Dec(c.Actual),
                tolerance = Dec(c.Tolerance), c.Message, evidence = c.Evidence.Count > 0 ? Json(c.Evidence) : null, version,
            }), tx);
        tx.Commit();
    }

    /// <summary>
    /// A partial document's error_reason: the first stage that broke ("facts_failed"), or the code it gives
    /// (ocr_unavailable).
    /// </summary>
    public static string PartialReason(Report report)
    {
        var first = report.StageFailures![0];
        return first.Code ?? first.Stage + "_failed";
    }

    /// <summary>Stores a document that could not be read: status failed with its reason, replacing any earlier row.</summary>
    public void SaveFailure(string sha256, DocumentOrigin origin, string reason, string message, string extractorVersion,
        string? mediaType = null, TimeSpan? duration = null)
    {
        using var tx = _db.BeginTransaction();
        _db.Execute("DELETE FROM documents WHERE sha256 = @sha256", new { sha256 }, tx);
        _db.Execute("""
            INSERT INTO documents (sha256, source, found_on, link_text, media_type, size_bytes, status, error_reason,
                error_message, extractor_version, ingested_at, duration_ms)
            VALUES (@sha256, @Source, @FoundOn, @LinkText, @mediaType, @SizeBytes, 'failed', @reason,
                @message, @extractorVersion, @now, @ms)
            """,
            new
            {
                sha256, origin.Source, origin.FoundOn, origin.LinkText, origin.SizeBytes, mediaType, reason, message,
                extractorVersion, now = Now(), ms = (long?)duration?.TotalMilliseconds,
            }, tx);
        tx.Commit();
    }

    public IEnumerable<DocumentRecord> Documents() => _db.Query<DocumentRecord>("""
        SELECT sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on, unit,
               pages, status, error_reason, error_message, extractor_version, ingested_at
        FROM documents
        ORDER BY agency, fiscal_year, source
        """, buffered: false);

    public IEnumerable<FactRecord> Facts(FactFilter filter)
    {
        var key = filter.Key;
        var keyPrefix = key is not null && key.EndsWith('*') ? key[..^1] : null;
        if (keyPrefix is not null) key = null;
        var rows = _db.Query<FactRow>("""
            SELECT d.sha256, d.source, d.agency, d.fiscal_year, d.kind, d.scope,
                   f.key, f.value, f.unit, f.provenance_kind, f.table_id, f.page, f.bbox, f.path, f.printed,
                   f.printed_unit, f.confidence, f.extractor_version
            FROM facts f JOIN documents d ON d.sha256 = f.document
            WHERE (@key IS NULL OR f.key = @key)
              AND (@keyPrefix IS NULL OR substr(f.key, 1, length(@keyPrefix)) = @keyPrefix)
              AND (@year IS NULL OR d.fiscal_year = @year)
              AND (@agency IS NULL OR instr(d.agency, @agency) > 0)
              AND (@sha256 IS NULL OR d.sha256 = @sha256)
            ORDER BY d.agency, d.fiscal_year, d.sha256, f.ord
            """, new { key, keyPrefix, year = filter.Year, agency = filter.Agency, sha256 = filter.Sha256 }, buffered: false);
        return rows.Select(r => new FactRecord
        {
            Sha256 = r.Sha256, Source = r.Source, Agency = r.Agency, FiscalYear = r.FiscalYear, Kind = r.Kind,
            Scope = r.Scope, Key = r.Key, Value = decimal.Parse(r.Value, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture),
            Unit = r.Unit, ProvenanceKind = r.ProvenanceKind, Table = r.TableId, Page = r.Page,
            Bbox = r.Bbox is null ? null : JsonSerializer.Deserialize<double[]>(r.Bbox), Path = r.Path,
            Printed = r.Printed, PrintedUnit = r.PrintedUnit, Confidence = r.Confidence, ExtractorVersion = r.ExtractorVersion,
        });
    }

    public StoreCounts Counts() => _db.QuerySingle<StoreCounts>("""
        SELECT (SELECT count(*) FROM documents) AS documents,
               (SELECT count(*) FROM documents WHERE status = 'ok') AS ok,
               (SELECT count(*) FROM documents WHERE status = 'partial') AS partial,
               (SELECT count(*) FROM documents WHERE status = 'failed') AS failed,
               (SELECT count(*) FROM tables) AS tables,
               (SELECT count(*) FROM table_rows) AS rows,
               (SELECT count(*) FROM facts) AS facts,
               (SELECT count(*) FROM checks) AS checks
        """);

    /// <summary>Documents stored ok or partial, by kind and fiscal year (what a batch found).</summary>
    public IEnumerable<(string Kind, int? FiscalYear, long Count)> KindsByYear() =>
        _db.Query<(string, int?, long)>("""
            SELECT coalesce(kind, 'unknown'), fiscal_year, count(*) FROM documents
            WHERE status IN ('ok', 'partial') GROUP BY 1, 2 ORDER BY 1, 2
            """);

    /// <summary>Runs PRAGMA integrity_check and foreign_key_check; "ok" when both are clean.</summary>
    public string IntegrityCheck()
    {
        var integrity = string.Join("; ", _db.Query<string>("PRAGMA integrity_check"));
        var fk = _db.Query("PRAGMA foreign_key_check").Count();
        return fk == 0 ? integrity : $"{integrity}; {fk} foreign key violations";
    }

    /// <summary>Direct access for queries the store has no method for (tests, reports).</summary>
    public IDbConnection Connection => _db;

    public void Dispose()
    {
        if (!ReadOnlyMode)
            try { _db.Execute("PRAGMA optimize"); } catch (SqliteException) { }
        _db.Dispose();
    }

    private sealed class FactRow
    {
        public string Sha256 { get; init; } = "";
        public string Source { get; init; } = "";
        public string? Agency { get; init; }
        public int? FiscalYear { get; init; }
        public string? Kind { get; init; }
        public string? Scope { get; init; }
        public string Key { get; init; } = "";
        public string Value { get; init; } = "0";
        public string? Unit { get; init; }
        public string? ProvenanceKind { get; init; }
        public string? TableId { get; init; }
        public int? Page { get; init; }
        public string? Bbox { get; init; }
        public string? Path { get; init; }
        public string? Printed { get; init; }
        public string? PrintedUnit { get; init; }
        public double? Confidence { get; init; }
        public string ExtractorVersion { get; init; } = "";
    }

    /// <summary>A statement prepared once per document; its parameters, in the order they appear in the SQL, are rebound by <see cref="Run"/>.</summary>
    private SqliteCommand Prepare(SqliteTransaction tx, string sql)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(sql, @"@\w+"))
            cmd.Parameters.Add(new SqliteParameter(m.Value, DBNull.Value));
        cmd.Prepare();
        return cmd;
    }

    private static object? Run(SqliteCommand cmd, params object?[] values)
    {
        if (values.Length != cmd.Parameters.Count) throw new ArgumentException($"{values.Length} values for {cmd.Parameters.Count} parameters");
        for (var i = 0; i < values.Length; i++) cmd.Parameters[i].Value = values[i] ?? DBNull.Value;
        return cmd.ExecuteScalar();
    }

    internal static string? Dec(decimal? value) => value?.ToString(CultureInfo.InvariantCulture);
    private static string? Bbox(double[]? bbox) => bbox is null ? null : JsonSerializer.Serialize(bbox);
    private static string? CellBbox(ReportRow row, string column) => row.Cells?.GetValueOrDefault(column)?.Bbox is { } b ? Bbox(b) : null;
    private static string Json<T>(T value) => ReportJson.Serialize(value, indented: false);
    private static string Now() => DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
