using Extractor.TestSupport;

namespace Extractor.Store.Tests;

/// <summary>A fresh store of either kind: a SQLite file in a temporary folder, or a new database on the test PostgreSQL server.</summary>
public sealed class TestStore : IDisposable
{
    private readonly TempDir _dir = new();

    public TestStore(string kind)
    {
        Db = kind switch
        {
            "sqlite" => _dir.File("s.db"),
            "postgres" => PostgresServer.Instance.NewDatabase("store"),
            _ => throw new ArgumentException(kind),
        };
    }

    /// <summary>What `--db` takes: the file path or the connection string.</summary>
    public string Db { get; }

    public ExtractorStore Open() => ExtractorStore.Open(Db);

    public void Dispose() => _dir.Dispose();
}
