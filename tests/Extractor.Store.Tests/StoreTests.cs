using Dapper;
using Extractor.Core.Report;

namespace Extractor.Store.Tests;

public class StoreTests
{
    private const string Sha = "aa00000000000000000000000000000000000000000000000000000000000001";

    [Fact]
    public void Open_applies_migrations_in_order_with_wal_and_foreign_keys()
    {
        using var tmp = new TempDir();
        using (var store = ExtractorStore.Open(tmp.File("s.db")))
        {
            Assert.Equal(Migrations.Latest, store.SchemaVersion);
            Assert.Equal(Migrations.All.Select(m => m.Version), store.Connection.Query<int>("SELECT version FROM schema_version ORDER BY version"));
            Assert.Equal("wal", store.Connection.ExecuteScalar<string>("PRAGMA journal_mode"));
            Assert.Equal(1, store.Connection.ExecuteScalar<int>("PRAGMA foreign_keys"));
            Assert.True(store.Connection.ExecuteScalar<int>("PRAGMA busy_timeout") > 0);
        }
        using (var again = ExtractorStore.Open(tmp.File("s.db"))) // reopening applies nothing twice
            Assert.Equal(Migrations.All.Count, again.Connection.ExecuteScalar<int>("SELECT count(*) FROM schema_version"));
    }

    [Fact]
    public void Open_fails_cleanly_on_a_file_that_is_not_a_database_and_on_a_missing_store()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("not.db"), "this is not a SQLite database, just some text that is long enough to have a header");
        var e = Assert.Throws<StoreException>(() => ExtractorStore.Open(tmp.File("not.db")));
        Assert.Contains("cannot open store", e.Message);
        Assert.Throws<StoreException>(() => ExtractorStore.Open(tmp.File("absent.db"), create: false));
        Assert.False(File.Exists(tmp.File("absent.db")));
    }

    /// <summary>SQLite's own side of the round trip (TEXT money, PRAGMA checks); what both stores share is in BothStoresTests.</summary>
    [Fact]
    public void A_report_round_trips_with_exact_decimals_and_provenance()
    {
        using var tmp = new TempDir();
        using var store = ExtractorStore.Open(tmp.File("s.db"));
        store.SaveReport(Sha, new DocumentOrigin("dev/a.pdf", "https://example.gov.cn/list.html", "2024年部门决算"), Samples.Report(Sha));

        var doc = Assert.Single(store.Documents());
        Assert.Equal(("ok", "final_account", "department", 2024, "中共上海市普陀区委社会工作部", "https://example.gov.cn/list.html"),
            (doc.Status, doc.Kind, doc.Scope, doc.FiscalYear.GetValueOrDefault(), doc.Agency, doc.FoundOn));

        var db = store.Connection;
        // Money is TEXT, exactly as the decimal was: scale kept, no binary rounding.
        Assert.Equal(["6.18", "6.180", "123456789012345.678901"], db.Query<string>("SELECT value FROM cells ORDER BY row_key, column_name"));
        Assert.Equal(["text"], db.Query<string>("SELECT DISTINCT typeof(value) FROM cells"));
        Assert.Equal(["text"], db.Query<string>("SELECT DISTINCT typeof(value) FROM facts"));
        Assert.Equal("307.82", db.ExecuteScalar<string>("SELECT expected FROM checks"));

        var facts = store.Facts(new FactFilter()).ToList();
        Assert.Equal(2, facts.Count);
        var total = facts.Single(f => f.Key == "three_public.total");
        Assert.Equal(1.50m, total.Value);
        Assert.Equal("1.50", total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((Sha, 11, "final.t07_three_public", "table", "0.1.0"), (total.Sha256, total.Page.GetValueOrDefault(), total.Table, total.ProvenanceKind, total.ExtractorVersion));
        Assert.Equal([1.0, 2, 3, 4], total.Bbox!);

        // Every child row carries its document and the extractor version that read it.
        foreach (var table in new[] { "sections", "tables", "table_rows", "facts", "checks" })
            Assert.Equal(0, db.ExecuteScalar<int>($"SELECT count(*) FROM {table} WHERE document <> @Sha OR extractor_version IS NULL", new { Sha }));
        Assert.Equal("ok", store.IntegrityCheck());
    }
}
