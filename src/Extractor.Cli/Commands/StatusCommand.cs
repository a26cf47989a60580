using System.CommandLine;
using System.Globalization;
using Extractor.Jobs;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor status --db PG [--format text|json]`: the job queue's counts (waiting per queue, running, retrying,
/// succeeded, failed with the reason) beside the store's (documents ok/failed, documents being extracted now, crawls
/// under way). The same counts `extractor serve` shows with Hangfire's dashboard.
/// </summary>
public static class StatusCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption("the PostgreSQL store whose jobs to show: Host=…;Database=… or postgresql://user@host/db");
        var format = new Option<string>("--format") { Description = "text (for people) or json (one object)", DefaultValueFactory = _ => "text" }
            .AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("status", "Show the job queue (waiting, running, retrying, done, failed with reason) and the store's counts.") { db, format };
        cmd.SetAction(r =>
        {
            var dbValue = r.GetValue(db)!;
            return StoreCli.Run(dbValue, () =>
            {
                var status = JobStatus.Read(StoreLocation.Parse(dbValue));
                using var w = Output.Stdout();
                if (r.GetValue(format) == "json") Output.WriteJsonLine(w, status);
                else Print(w, status);
                return 0;
            });
        });
        return cmd;
    }

    private static void Print(TextWriter w, JobCounts s)
    {
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine(string.Create(inv, $"jobs: {s.Enqueued} waiting, {s.Processing} running, {s.Scheduled} retrying or scheduled, {s.Succeeded} succeeded, {s.Failed} failed; {s.Servers} worker servers"));
        foreach (var q in s.Queues) w.WriteLine(string.Create(inv, $"  queue {q.Queue,-8} {q.Waiting,6} waiting {q.Fetched,6} taken"));
        foreach (var r in s.Running) w.WriteLine($"  running {r}");
        foreach (var f in s.RecentFailures) w.WriteLine($"  failed  job {f.Id}: {f.What}: {f.Reason}");
        var c = s.Store;
        w.WriteLine($"store: {c.Documents} documents ({c.Ok} ok, {c.Failed} failed), {c.Tables} tables, {c.Rows} rows, {c.Facts} facts, {c.Checks} checks");
        foreach (var claim in s.Claims) w.WriteLine($"  extracting {claim.Sha256[..12]} on {claim.Holder} since {claim.ClaimedAt}: {claim.Source}");
        foreach (var site in s.Sites)
            w.WriteLine($"  crawl {site.Site}: {site.Fetched} fetched, {site.Pending} pending, " +
                        (site.FinishedAt is not null ? $"finished {site.FinishedAt}" : site.LeaseHolder is not null ? $"held by {site.LeaseHolder}" : "waiting for a worker"));
    }
}
