using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text.Json;
using Dapper;
using Extractor.Core.Report;
using Extractor.Store.Writing;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Extractor.Store;

/// <summary>
/// The store: a SQLite file (WAL mode, foreign keys on) or a PostgreSQL database shared by many workers; migrations
/// are applied on open. Every document is written in one transaction (all its sections, tables, cells, facts and
/// checks, or nothing). Money is exact: TEXT holding the decimal in SQLite, numeric in PostgreSQL. One instance holds
/// one connection: use it from one thread at a time (ingest funnels all writes through a single writer; each job
/// opens its own).
/// </summary>
public sealed partial class ExtractorStore : IDisposable
{
    private readonly DbConnection _db;

    static ExtractorStore() => DefaultTypeMap.MatchNamesWithUnderscores = true;

    private ExtractorStore(DbConnection db, StoreLocation location)
    {
        _db = db;
        Location = location;
        Dialect = location.IsPostgres ? SqlDialect.Postgres : SqlDialect.Sqlite;
    }

    public StoreLocation Location { get; }

    /// <summary>The SQLite file's full path, or the PostgreSQL connection string without its password.</summary>
    public string Path => Location.Display;

    public SqlDialect Dialect { get; }

    public bool IsPostgres => Location.IsPostgres;

    /// <summary>Opens (and with <paramref name="create"/>, creates) the store named by --db and brings its schema up to date.</summary>
    public static ExtractorStore Open(string db, bool create = true)
    {
        var location = StoreLocation.Parse(db);
        return location.IsPostgres ? OpenPostgres(location, create) : OpenSqlite(location.Value, create);
    }

    private static ExtractorStore OpenSqlite(string path, bool create)
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
            Migrations.Apply(db, StoreKind.Sqlite);
            return new ExtractorStore(db, new StoreLocation(StoreKind.Sqlite, full, full));
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
    /// A PostgreSQL store. With <paramref name="create"/>, a database that does not exist yet is created (as SQLite
    /// creates its file) when the user may; without, a database holding no store is refused.
    /// </summary>
    private static ExtractorStore OpenPostgres(StoreLocation location, bool create)
    {
        NpgsqlConnection? db = null;
        try
        {
            db = new NpgsqlConnection(location.Value);
            try
            {
                db.Open();
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName && create)
            {
                CreateDatabase(location.Value);
                db.Open();
            }
            if (!Migrated.ContainsKey(location.Value))
            {
                if (!create && db.ExecuteScalar<string?>("SELECT to_regclass('schema_version')::text") is null)
                    throw new StoreException($"{location.Display}: no store in this database (ingest or enqueue into it first)");
                Migrations.Apply(db, StoreKind.Postgres);
                Migrated.TryAdd(location.Value, 0);
            }
            return new ExtractorStore(db, location);
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or System.Net.Sockets.SocketException)
        {
            db?.Dispose();
            throw new StoreException($"{location.Display}: cannot open store: {e.Message.Split('\n')[0]}", e);
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
        // A PostgreSQL store is read through its server, which keeps it safe from readers: opened as usual, never created.
        if (StoreLocation.Parse(path) is { IsPostgres: true } server) return OpenPostgres(server, create: false);
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
            return new ExtractorStore(db, new StoreLocation(StoreKind.Sqlite, full, full)) { ReadOnlyMode = true };
        }
        catch
        {
            db.Dispose();
            throw;
        }
    }

    /// <summary>PostgreSQL stores this process has brought up to date: a worker opens its store for every job, and the
    /// schema does not change under a running program (a newer extractor's migration is refused by older ones at start).</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> Migrated = new(StringComparer.Ordinal);

    private static void CreateDatabase(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new StoreException("the connection string names no Database");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        using var db = new NpgsqlConnection(admin.ConnectionString);
        db.Open();
        try
        {
            db.Execute($"CREATE DATABASE \"{name.Replace("\"", "\"\"")}\" ENCODING 'UTF8' TEMPLATE template0");
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase) { } // created meanwhile
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

    /// <summary>
    /// Stores a successfully extracted document, replacing whatever was stored under the same sha256. With a
    /// <paramref name="claim"/>, the same transaction ends the claim, and nothing is written unless the claim is still
    /// this attempt's (<see cref="ClaimLostException"/>).
    /// </summary>
    public void SaveReport(string sha256, DocumentOrigin origin, Report report, TimeSpan? duration = null, DocumentClaim? claim = null)
    {
        var rows = StoredRows.Ok(sha256, origin, report, duration);
        using var tx = _db.BeginTransaction();
        EndClaim(claim, tx);
        _db.Execute("DELETE FROM documents WHERE sha256 = @sha256", new { sha256 }, tx);
        if (IsPostgres) PostgresReportWriter.Write(_db, tx, rows);
        else SqliteReportWriter.Write((SqliteConnection)_db, (SqliteTransaction)tx, rows);
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
        string? mediaType = null, TimeSpan? duration = null, DocumentClaim? claim = null)
    {
        var row = StoredRows.Failed(sha256, origin, reason, message, extractorVersion, mediaType, duration);
        using var tx = _db.BeginTransaction();
        EndClaim(claim, tx);
        _db.Execute("DELETE FROM documents WHERE sha256 = @sha256", new { sha256 }, tx);
        if (IsPostgres) PostgresReportWriter.InsertDocument(_db, tx, row);
        else SqliteReportWriter.InsertDocument((SqliteConnection)_db, (SqliteTransaction)tx, row);
        tx.Commit();
    }

    public IEnumerable<DocumentRecord> Documents() => _db.Query<DocumentRecord>($"""
        SELECT sha256, source, found_on, link_text, media_type, kind, scope, agency, fiscal_year, published_on, unit,
               pages, status, error_reason, error_message, extractor_version, {Dialect.TimeText("ingested_at")} AS ingested_at
        FROM documents
        ORDER BY agency NULLS FIRST, fiscal_year NULLS FIRST, source -- SQLite's order for NULLs, spelled out for PostgreSQL
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
            ORDER BY d.agency NULLS FIRST, d.fiscal_year NULLS FIRST, d.sha256, f.ord
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
            WHERE status IN ('ok', 'partial') GROUP BY 1, 2 ORDER BY 1, 2 NULLS FIRST
            """);

    /// <summary>SQLite: PRAGMA integrity_check and foreign_key_check, "ok" when both are clean. PostgreSQL: "ok".</summary>
    public string IntegrityCheck()
    {
        if (IsPostgres) return "ok"; // PostgreSQL checks keys and constraints on every write
        var integrity = string.Join("; ", _db.Query<string>("PRAGMA integrity_check"));
        var fk = _db.Query("PRAGMA foreign_key_check").Count();
        return fk == 0 ? integrity : $"{integrity}; {fk} foreign key violations";
    }

    /// <summary>Direct access for queries the store has no method for (tests, reports).</summary>
    public IDbConnection Connection => _db;

    public void Dispose()
    {
        if (!IsPostgres && !ReadOnlyMode)
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
}
