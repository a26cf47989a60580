using Npgsql;

namespace Extractor.Store;

public enum StoreKind { Sqlite, Postgres }

/// <summary>
/// What `--db` names: a SQLite file (any path), or a PostgreSQL database given as a connection string
/// (<c>Host=…;Database=…</c>) or a URL (<c>postgresql://user@host:port/db</c>). <see cref="Display"/> is safe to
/// print: a password in the connection string is left out.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string Value, string Display)
{
    public bool IsPostgres => Kind == StoreKind.Postgres;

    /// <summary>Where downloads are kept by default: beside a SQLite store (<see cref="KeptFiles.BesideStore"/>); a
    /// PostgreSQL store's workers name their shared folder themselves (`--files`).</summary>
    public string? KeptFilesFolder => IsPostgres ? null : KeptFiles.BesideStore(Value);

    public static StoreLocation Parse(string db)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(db);
        var text = db.Trim();
        if (text.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return Postgres(FromUrl(text));
        // A connection string is key=value pairs naming a host; a file name with '=' in it stays a file.
        if (text.Contains('=') && !File.Exists(text))
        {
            NpgsqlConnectionStringBuilder? b = null;
            try { b = new NpgsqlConnectionStringBuilder(text); }
            catch (ArgumentException) { }
            if (b is not null && !string.IsNullOrEmpty(b.Host)) return Postgres(b);
            if (b is not null) throw new ArgumentException("--db: a PostgreSQL connection string needs Host=…");
        }
        return new StoreLocation(StoreKind.Sqlite, text, text);
    }

    private static StoreLocation Postgres(NpgsqlConnectionStringBuilder b)
    {
        var shown = new NpgsqlConnectionStringBuilder(b.ConnectionString) { Password = null };
        return new StoreLocation(StoreKind.Postgres, b.ConnectionString, shown.ConnectionString);
    }

    /// <summary>postgresql://user:password@host:port/database?key=value → a connection string.</summary>
    private static NpgsqlConnectionStringBuilder FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var u) || string.IsNullOrEmpty(u.Host))
            throw new ArgumentException("--db: not a PostgreSQL URL (postgresql://user@host:port/database)");
        var b = new NpgsqlConnectionStringBuilder { Host = u.Host };
        if (u.Port > 0) b.Port = u.Port;
        var db = Uri.UnescapeDataString(u.AbsolutePath.Trim('/'));
        if (db.Length > 0) b.Database = db;
        if (u.UserInfo.Length > 0)
        {
            var parts = u.UserInfo.Split(':', 2);
            b.Username = Uri.UnescapeDataString(parts[0]);
            if (parts.Length > 1) b.Password = Uri.UnescapeDataString(parts[1]);
        }
        foreach (var pair in u.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            b[Uri.UnescapeDataString(kv[0])] = kv.Length > 1 ? Uri.UnescapeDataString(kv[1]) : "";
        }
        return b;
    }
}
