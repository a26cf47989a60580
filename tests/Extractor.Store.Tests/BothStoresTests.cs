using Dapper;
using Extractor.Core.Report;
using Extractor.Store.Crawl;
using Extractor.Store.Queries;
using Extractor.TestSupport;

namespace Extractor.Store.Tests;

/// <summary>The store's behaviour, the same on SQLite and on a real PostgreSQL server.</summary>
public class BothStoresTests
{
    private const string Sha = "aa00000000000000000000000000000000000000000000000000000000000001";

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_report_round_trips_with_exact_decimals_and_provenance(string kind)
    {
        using var t = new TestStore(kind);
        using var store = t.Open();
        Assert.Equal(kind == "postgres", store.IsPostgres);
        store.SaveReport(Sha, new DocumentOrigin("dev/a.pdf", "https://example.gov.cn/list.html", "2024年部门决算", 1234), Samples.Report(Sha));

        var doc = Assert.Single(store.Documents());
        Assert.Equal(("ok", "final_account", "department", 2024, "中共上海市普陀区委社会工作部", "https://example.gov.cn/list.html"),
            (doc.Status, doc.Kind, doc.Scope, doc.FiscalYear.GetValueOrDefault(), doc.Agency, doc.FoundOn));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", doc.IngestedAt);

        // Money keeps its scale in both: TEXT in SQLite, numeric in PostgreSQL.
        Assert.Equal(["6.18", "6.180", "123456789012345.678901"],
            store.Connection.Query<string>("SELECT value FROM cells ORDER BY row_key, column_name"));
        var facts = store.Facts(new FactFilter()).ToList();
        var total = facts.Single(f => f.Key == "three_public.total");
        Assert.Equal("1.50", total.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal((Sha, 11, "final.t07_three_public", "table"), (total.Sha256, total.Page.GetValueOrDefault(), total.Table, total.ProvenanceKind));
        Assert.Equal([1.0, 2, 3, 4], total.Bbox!);

        var detail = store.Detail(Sha)!;
        Assert.Equal(1234, detail.SizeBytes);
        var table = Assert.Single(detail.Tables);
        Assert.Equal(["本年收入合计", "财政拨款收入"], table.Columns);
        Assert.Equal("6.180", table.Rows[0].Values["财政拨款收入"].ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal([10.5, 20, 300.25, 32], table.Rows[0].Bbox!);
        Assert.Equal(307.82m, Assert.Single(detail.Checks).Expected);
        Assert.Equal("ok", store.IntegrityCheck());
        Assert.Equal(new StoreCounts(1, 1, 0, 0, 1, 2, 2, 1), store.Counts());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_failure_is_replaced_whole_and_a_report_that_cannot_be_written_leaves_nothing(string kind)
    {
        using var t = new TestStore(kind);
        using var store = t.Open();
        store.SaveFailure(Sha, new DocumentOrigin("a.pdf"), "timeout", "took too long", "0.0.9");
        Assert.Equal(("failed", "timeout"), (store.Documents().Single().Status, store.Documents().Single().ErrorReason));
        store.SaveReport(Sha, new DocumentOrigin("a.pdf"), Samples.Report(Sha));
        store.SaveReport(Sha, new DocumentOrigin("a.pdf"), Samples.Report(Sha)); // replacing twice leaves no orphans
        Assert.Equal(new StoreCounts(1, 1, 0, 0, 1, 2, 2, 1), store.Counts());
        Assert.Equal(3, store.Connection.ExecuteScalar<int>("SELECT count(*) FROM cells"));

        const string other = "bb00000000000000000000000000000000000000000000000000000000000002";
        var bad = Samples.Report(other);
        bad.Sections.Add(new Section { Id = null!, Heading = "x" }); // NOT NULL violation, mid-transaction
        Assert.ThrowsAny<Exception>(() => store.SaveReport(other, new DocumentOrigin("b.pdf"), bad));
        Assert.Null(store.Find(other));
        Assert.Equal(new StoreCounts(1, 1, 0, 0, 1, 2, 2, 1), store.Counts());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Facts_filter_and_compare_work_alike(string kind)
    {
        using var t = new TestStore(kind);
        using var store = t.Open();
        store.SaveReport(Sha, new DocumentOrigin("a.pdf"), Samples.Report(Sha));
        Assert.Single(store.Facts(new FactFilter(Key: "three_public.total")));
        Assert.Equal(2, store.Facts(new FactFilter(Key: "three_public.*")).Count());
        Assert.Equal(2, store.Facts(new FactFilter(Year: 2024, Agency: "社会工作部")).Count());
        Assert.Empty(store.Facts(new FactFilter(Year: 2023)));
        Assert.Empty(store.Facts(new FactFilter(Agency: "财政局")));
        var row = Assert.Single(store.Compare("three_public.total", agency: "社会工作部"));
        Assert.Equal((1.50m, (decimal?)null), (row.Value, row.PriorValue));
        Assert.Equal([("three_public.reception", 1L), ("three_public.total", 1L)], store.FactKeys().Select(k => (k.Key, k.Documents)).OrderBy(k => k.Key));
        Assert.Equal([("final_account", (int?)2024, 1L)], store.KindsByYear());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void A_claim_admits_one_holder_until_it_ends_or_expires(string kind)
    {
        using var t = new TestStore(kind);
        using var store = t.Open();
        var a = store.TryClaim(Sha, "host/1", "job-1", "a.pdf", TimeSpan.FromMinutes(1))!;
        Assert.NotNull(a);
        Assert.Null(store.TryClaim(Sha, "host/2", "job-2", "a.pdf", TimeSpan.FromMinutes(1))); // another job: refused
        var again = store.TryClaim(Sha, "host/3", "job-1", "a.pdf", TimeSpan.FromMinutes(1)); // the same job run again
        Assert.NotNull(again);
        Assert.Equal("host/3", Assert.Single(store.Claims()).Holder);

        // The first run's result is refused: its claim was taken over.
        Assert.Throws<ClaimLostException>(() => store.SaveReport(Sha, new DocumentOrigin("a.pdf"), Samples.Report(Sha), claim: a));
        Assert.Null(store.Find(Sha));
        Assert.False(store.RenewClaim(a, TimeSpan.FromMinutes(1)));
        Assert.True(store.RenewClaim(again, TimeSpan.FromMinutes(1)));
        store.SaveReport(Sha, new DocumentOrigin("a.pdf"), Samples.Report(Sha), claim: again);
        Assert.Empty(store.Claims());
        Assert.Equal("ok", store.Find(Sha)!.Status);

        // An expired claim is taken over by anyone.
        var brief = store.TryClaim("cc", "host/1", "job-3", null, TimeSpan.FromMilliseconds(200))!;
        Thread.Sleep(400);
        var taker = store.TryClaim("cc", "host/2", "job-4", null, TimeSpan.FromMinutes(1));
        Assert.NotNull(taker);
        Assert.NotEqual(brief.Token, taker.Token);
        store.ReleaseClaim(taker);
        Assert.Empty(store.Claims());
    }

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void The_frontier_keeps_each_url_once_and_a_site_lease_admits_one_holder(string kind)
    {
        using var t = new TestStore(kind);
        using var store = t.Open();
        var f = new CrawlFrontier(store);
        const string site = "http://127.0.0.1:1";
        f.Begin(site, [site + "/"], new CrawlSettings(10, 3, 50));
        Assert.True(f.Add(new Uri(site + "/"), site, 0, 10, "seed", false, null, null));
        Assert.False(f.Add(new Uri(site + "/"), site, 0, 10, "seed", false, null, null));
        Assert.True(f.Add(new Uri(site + "/a"), site, 1, 2, "page", false, site + "/", "a"));
        Assert.True(f.Add(new Uri(site + "/b"), site, 1, 2, "page", false, site + "/", "b"));
        f.Promote(new Uri(site + "/b"), 5, true);
        Assert.Equal(site + "/", f.Next(site)!.Url);
        f.Settle(site + "/", new FrontierResult("done", "list", StatusCode: 200));
        var next = f.Next(site)!;
        Assert.Equal((site + "/b", 5, true), (next.Url, next.Priority, next.Relevant));
        Assert.Equal(2, f.Pending(site));
        Assert.Equal(new CrawlSettings(10, 3, 50), f.Site(site)!.CrawlSettings);
        Assert.Equal(1, f.CountFetch(site));

        var lease = f.TryLease(site, "host/1", "job-1", TimeSpan.FromMinutes(1))!;
        Assert.Null(f.TryLease(site, "host/2", "job-2", TimeSpan.FromMinutes(1)));
        Assert.Equal(("job-1", "host/1"), (f.LeaseHolder(site)!.Value.Job, f.LeaseHolder(site)!.Value.Holder));
        Assert.Equal(TimeSpan.Zero, f.WaitBeforeRequest(site, TimeSpan.FromSeconds(5))); // no request yet
        f.MarkRequest(lease, TimeSpan.FromMinutes(1));
        var wait = f.WaitBeforeRequest(site, TimeSpan.FromSeconds(5));
        Assert.InRange(wait.TotalSeconds, 3, 5);
        f.Release(lease);
        Assert.Throws<LeaseLostException>(() => f.MarkRequest(lease, TimeSpan.FromMinutes(1)));
        Assert.NotNull(f.TryLease(site, "host/2", "job-2", TimeSpan.FromMinutes(1)));

        f.SaveRobots(site, 200, "User-agent: *\nDisallow: /x");
        Assert.Equal((200, "User-agent: *\nDisallow: /x"), f.Robots(site)!.Value);
        f.Begin(site, [site + "/"], new CrawlSettings(10, 3, 50)); // a new run reads robots.txt afresh
        Assert.Null(f.Robots(site));
    }

    [Fact]
    public void Every_migration_has_its_postgres_twin_and_numbers_may_land_out_of_order()
    {
        Assert.Empty(Migrations.Unpaired());
        Assert.Equal(Migrations.All.Select(s => s.Version), Migrations.Postgres.Select(s => s.Version));
    }

    [Fact]
    public void Db_names_a_sqlite_file_or_a_postgres_database_and_hides_the_password()
    {
        Assert.Equal(StoreKind.Sqlite, StoreLocation.Parse("store.db").Kind);
        Assert.Equal(StoreKind.Sqlite, StoreLocation.Parse("dir/a=b.db").Kind);
        var cs = StoreLocation.Parse("Host=127.0.0.1;Port=5433;Database=extractor;Username=u;Password=secret");
        Assert.Equal(StoreKind.Postgres, cs.Kind);
        Assert.Contains("secret", cs.Value);
        Assert.DoesNotContain("secret", cs.Display);
        var url = StoreLocation.Parse("postgresql://u:p%40ss@db.example:5434/extractor");
        Assert.Equal(StoreKind.Postgres, url.Kind);
        var b = new Npgsql.NpgsqlConnectionStringBuilder(url.Value);
        Assert.Equal(("db.example", 5434, "extractor", "u", "p@ss"), (b.Host, b.Port, b.Database, b.Username, b.Password));
        Assert.Throws<ArgumentException>(() => StoreLocation.Parse("Database=extractor;Username=u"));
    }

    [Fact]
    public void A_postgres_store_is_created_on_first_use_and_refused_for_reading_when_absent()
    {
        var admin = new Npgsql.NpgsqlConnectionStringBuilder(PostgresServer.Instance.AdminConnectionString);
        var absent = new Npgsql.NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = $"absent_{Guid.NewGuid():N}" }.ConnectionString;
        var e = Assert.Throws<StoreException>(() => ExtractorStore.Open(absent, create: false));
        Assert.Contains("cannot open store", e.Message);

        var empty = PostgresServer.Instance.NewDatabase("empty");
        Assert.Contains("no store", Assert.Throws<StoreException>(() => ExtractorStore.Open(empty, create: false)).Message);

        var fresh = new Npgsql.NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = $"fresh_{Guid.NewGuid():N}" }.ConnectionString;
        using (var store = ExtractorStore.Open(fresh)) Assert.Equal(Migrations.Postgres.Count, store.Connection.ExecuteScalar<int>("SELECT count(*) FROM schema_version"));
        using (var again = ExtractorStore.Open(fresh, create: false)) Assert.Empty(again.Documents());
    }
}
