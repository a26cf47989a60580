using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
using Dapper;

namespace Extractor.Store;

/// <summary>
/// Applies the embedded migrations in order, each in its own transaction, and records each in schema_version. SQLite's
/// scripts are Migrations/NNNN_name.sql, PostgreSQL's Migrations/postgres/NNNN_name.sql: the same numbers and names,
/// each in its dialect. Never edit a released script: add the next number. A script is applied when its number is not
/// yet recorded, so numbers that land out of order (0004 before 0003) are each applied once.
/// </summary>
public static partial class Migrations
{
    public sealed record Script(int Version, string Name, string Sql);

    [GeneratedRegex(@"\.Migrations\.(postgres\.)?(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    public static IReadOnlyList<Script> All { get; } = Load(postgres: false);
    public static IReadOnlyList<Script> Postgres { get; } = Load(postgres: true);

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    public static IReadOnlyList<Script> For(StoreKind kind) => kind == StoreKind.Postgres ? Postgres : All;

    public static void Apply(DbConnection db, StoreKind kind)
    {
        var postgres = kind == StoreKind.Postgres;
        db.Execute(postgres
            ? "CREATE TABLE IF NOT EXISTS schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)"
            : """
              CREATE TABLE IF NOT EXISTS schema_version (
                  version    INTEGER PRIMARY KEY,
                  name       TEXT NOT NULL,
                  applied_at TEXT NOT NULL
              )
              """);
        var scripts = For(kind);
        var applied = db.Query<int>("SELECT version FROM schema_version").ToHashSet();
        var unknown = applied.Where(v => scripts.All(s => s.Version != v)).ToList();
        if (unknown.Count > 0)
            throw new StoreException($"the store's schema (v{unknown.Max()}) is newer than this extractor's (v{Latest}); upgrade extractor"); // Open names the store
        var pending = scripts.Where(s => !applied.Contains(s.Version)).ToList();
        if (pending.Count == 0) return;
        // SQLite: a script that rebuilds a table (SQLite changes a CHECK constraint no other way) must not cascade its DROP
        // to the child rows: foreign keys are off while scripts run (the pragma is a no-op inside a transaction, so it is
        // set here) and every script must leave no violation before it commits. PostgreSQL alters constraints in place.
        var foreignKeys = postgres ? 0 : db.ExecuteScalar<long>("PRAGMA foreign_keys");
        if (!postgres) db.Execute("PRAGMA foreign_keys = OFF");
        try
        {
            foreach (var script in pending)
            {
                // SQLite: BEGIN IMMEDIATE, one process migrates and the others wait. PostgreSQL: an advisory lock does the same.
                using var tx = db.BeginTransaction();
                if (postgres) db.Execute("SELECT pg_advisory_xact_lock(7320020)", transaction: tx);
                if (db.ExecuteScalar<long>("SELECT count(*) FROM schema_version WHERE version = @Version", new { script.Version }, tx) > 0)
                    continue; // another process got there first
                db.Execute(script.Sql, transaction: tx);
                if (!postgres)
                {
                    var violations = db.Query("PRAGMA foreign_key_check", transaction: tx).Count();
                    if (violations > 0)
                        throw new StoreException($"migration {script.Version} ({script.Name}) would leave {violations} rows without their parent; nothing was changed");
                }
                db.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @at)",
                    new { script.Version, script.Name, at = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, tx);
                tx.Commit();
            }
        }
        finally
        {
            if (!postgres) db.Execute($"PRAGMA foreign_keys = {(foreignKeys != 0 ? "ON" : "OFF")}");
        }
    }

    private static List<Script> Load(bool postgres)
    {
        var asm = typeof(Migrations).Assembly;
        var scripts = new List<Script>();
        foreach (var name in asm.GetManifestResourceNames())
        {
            var m = ScriptName().Match(name);
            if (!m.Success || m.Groups[1].Success != postgres) continue;
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new Script(int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture), m.Groups[3].Value, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 1; i < scripts.Count; i++)
            if (scripts[i].Version == scripts[i - 1].Version) throw new InvalidOperationException($"two migrations numbered {scripts[i].Version}");
        return scripts;
    }

    /// <summary>Every script of one dialect has its twin in the other (same number and name).</summary>
    public static IEnumerable<string> Unpaired() =>
        All.Select(s => $"{s.Version:0000}_{s.Name}").ToHashSet()
            .SymmetricExcept(Postgres.Select(s => $"{s.Version:0000}_{s.Name}"));

    private static HashSet<string> SymmetricExcept(this HashSet<string> a, IEnumerable<string> b)
    {
        a.SymmetricExceptWith(b);
        return a;
    }
}
