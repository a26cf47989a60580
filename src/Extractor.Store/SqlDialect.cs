namespace Extractor.Store;

/// <summary>
/// The few spots where SQLite's and PostgreSQL's SQL differ, as fragments for queries that are otherwise written once.
/// Times: SQLite keeps ISO 8601 UTC text (sorts as time); PostgreSQL timestamptz, read back in the same text form.
/// "Now" is the database's clock (PostgreSQL) so that workers on several machines agree on leases and delays.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract StoreKind Kind { get; }

    /// <summary>A timestamp column as ISO 8601 UTC text with milliseconds ("2025-07-01T08:00:00.000Z").</summary>
    public abstract string TimeText(string column);

    /// <summary>The current time plus a number of seconds (a parameter or literal), in the column type times use.</summary>
    public abstract string NowPlus(string seconds);

    public string Now => NowPlus("0");

    /// <summary>Seconds from now until the time in <paramref name="column"/> (negative when it is past).</summary>
    public abstract string SecondsUntil(string column);

    /// <summary>The larger of two values.</summary>
    public abstract string Greatest(string a, string b);

    /// <summary>A parameter holding JSON text, as the type JSON columns have (jsonb in PostgreSQL).</summary>
    public abstract string Json(string parameter);

    private sealed class SqliteDialect : SqlDialect
    {
        public override StoreKind Kind => StoreKind.Sqlite;
        public override string TimeText(string column) => column;
        public override string NowPlus(string seconds) => $"strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ({seconds}) || ' seconds')";
        public override string SecondsUntil(string column) => $"((julianday({column}) - julianday('now')) * 86400.0)";
        public override string Greatest(string a, string b) => $"max({a}, {b})";
        public override string Json(string parameter) => parameter;
    }

    private sealed class PostgresDialect : SqlDialect
    {
        public override StoreKind Kind => StoreKind.Postgres;
        public override string TimeText(string column) =>
            $"to_char({column} AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.MS\"Z\"')";
        public override string NowPlus(string seconds) => $"(clock_timestamp() + make_interval(secs => ({seconds})::double precision))";
        public override string SecondsUntil(string column) => $"extract(epoch FROM ({column} - clock_timestamp()))::double precision";
        public override string Greatest(string a, string b) => $"greatest({a}, {b})";
        public override string Json(string parameter) => $"{parameter}::jsonb";
    }
}
