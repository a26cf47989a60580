using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Extractor.Store;

/// <summary>
/// Applies the embedded Migrations/NNNN_name.sql scripts in order, each in its own transaction, and records
/// each in schema_version. Never edit a released script: add the next number.
/// </summary>
public static partial class Migrations
{
    public sealed record Script(int Version, string Name, string Sql);

    [GeneratedRegex(@"(\d{4})_([A-Za-z0-9_]+)\.sql$")]
    private static partial Regex ScriptName();

    public static IReadOnlyList<Script> All { get; } = Load();

    public static int Latest => All.Count == 0 ? 0 : All[^1].Version;

    public static void Apply(SqliteConnection db)
    {
        db.Execute("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version    INTEGER PRIMARY KEY,
                name       TEXT NOT NULL,
                applied_at TEXT NOT NULL
            )
            """);
        var current = db.ExecuteScalar<int>("SELECT coalesce(max(version), 0) FROM schema_version");
        if (current > Latest)
            throw new StoreException($"the store's schema (v{current}) is newer than this extractor's (v{Latest}); upgrade extractor"); // Open names the file
        var pending = All.Where(s => s.Version > current).ToList();
        if (pending.Count == 0) return;
        // A script that rebuilds a table (SQLite changes a CHECK constraint no other way) must not cascade its DROP to the
        // child rows: foreign keys are off while scripts run (the pragma is a no-op inside a transaction, so it is set
        // here) and every script must leave no violation before it commits.
        var foreignKeys = db.ExecuteScalar<long>("PRAGMA foreign_keys");
        db.Execute("PRAGMA foreign_keys = OFF");
        try
        {
            foreach (var script in pending)
            {
                using var tx = db.BeginTransaction(); // BEGIN IMMEDIATE: one process migrates, the others wait
                var now = db.ExecuteScalar<int>("SELECT coalesce(max(version), 0) FROM schema_version", transaction: tx);
                if (now >= script.Version) continue; // another process got there first
                db.Execute(script.Sql, transaction: tx);
                var violations = db.Query("PRAGMA foreign_key_check", transaction: tx).Count();
                if (violations > 0)
                    throw new StoreException($"migration {script.Version} ({script.Name}) would leave {violations} rows without their parent; nothing was changed");
                db.Execute("INSERT INTO schema_version (version, name, applied_at) VALUES (@Version, @Name, @at)",
                    new { script.Version, script.Name, at = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture) }, tx);
                tx.Commit();
            }
        }
        finally
        {
            db.Execute($"PRAGMA foreign_keys = {(foreignKeys != 0 ? "ON" : "OFF")}");
        }
    }

    private static List<Script> Load()
    {
        var asm = typeof(Migrations).Assembly;
        var scripts = new List<Script>();
        foreach (var name in asm.GetManifestResourceNames())
        {
            var m = ScriptName().Match(name);
            if (!m.Success) continue;
            using var stream = asm.GetManifestResourceStream(name)!;
            using var reader = new StreamReader(stream);
            scripts.Add(new Script(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, reader.ReadToEnd()));
        }
        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        for (var i = 0; i < scripts.Count; i++)
            if (scripts[i].Version != i + 1) throw new InvalidOperationException($"migration {i + 1} missing (found {scripts[i].Version})");
        return scripts;
    }
}
