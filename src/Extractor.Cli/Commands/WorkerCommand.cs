using System.CommandLine;
using Extractor.Jobs;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor worker --db PG [--workers N] [--queues extract,ocr,crawl] [--files DIR] [--recover-s S] [--ocr ENGINE]`: runs jobs from
/// the store's queue until Ctrl+C or SIGTERM (running jobs are finished or handed back). One line per finished job on
/// stdout. Start as many as the machines have cores; a worker killed at any moment loses nothing: its job runs again
/// on another worker within --recover-s plus a second.
/// </summary>
public static class WorkerCommand
{
    public static Command Create()
    {
        var db = StoreCli.DbOption("the PostgreSQL store whose queue to work on: Host=…;Database=… or postgresql://user@host/db");
        var workers = new Option<int>("--workers") { Description = "documents extracted at once (default: number of cores)", HelpName = "N", DefaultValueFactory = _ => Environment.ProcessorCount };
        var crawlWorkers = new Option<int>("--crawl-workers") { Description = "crawl slices at once (they mostly wait out the delay between requests)", HelpName = "N", DefaultValueFactory = _ => 4 };
        var queues = new Option<string>("--queues") { Description = "queues to take jobs from, preferred in this order: extract (text documents), ocr (scans), crawl", HelpName = "Q,Q", DefaultValueFactory = _ => string.Join(',', JobQueues.All) };
        var files = EnqueueCommand.FilesOption();
        var recover = new Option<int>("--recover-s") { Description = "a job whose worker died runs again after this many seconds (kept from running twice while its worker lives)", HelpName = "S", DefaultValueFactory = _ => (int)new JobTimeouts().Recover.TotalSeconds };
        var timeout = IngestCommand.TimeoutOption();
        var maxPages = IngestCommand.MaxPagesOption();
        var ocr = OcrOption.Create();
        var cmd = new Command("worker", "Run extract and crawl jobs from a PostgreSQL store's queue until stopped; start several, on any machines that reach the database.")
            { db, workers, crawlWorkers, queues, files, recover, timeout, maxPages, ocr };
        cmd.SetAction(r =>
        {
            var dbValue = r.GetValue(db)!;
            return StoreCli.Run(dbValue, () =>
            {
                if (r.GetValue(workers) <= 0 || r.GetValue(crawlWorkers) <= 0) throw new ArgumentException("--workers and --crawl-workers must be positive");
                if (r.GetValue(recover) < 2) throw new ArgumentException("--recover-s must be at least 2");
                var location = StoreLocation.Parse(dbValue);
                var options = new WorkerOptions
                {
                    Store = location,
                    Workers = r.GetValue(workers),
                    CrawlWorkers = r.GetValue(crawlWorkers),
                    Queues = r.GetValue(queues)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    Files = r.GetValue(files)!,
                    Settings = IngestCommand.Settings(r.GetValue(timeout), r.GetValue(maxPages), r.GetValue(ocr)),
                    Timeouts = new JobTimeouts { Recover = TimeSpan.FromSeconds(r.GetValue(recover)) },
                };
                using var stop = new CancellationTokenSource();
                ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop.Cancel(); };
                Console.CancelKeyPress += onCancel;
                using var term = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c =>
                {
                    c.Cancel = true;
                    stop.Cancel();
                });
                try
                {
                    var log = TextWriter.Synchronized(Console.Out);
                    JobWorker.RunAsync(options, log, stop.Token).GetAwaiter().GetResult();
                    log.WriteLine("worker: stopped");
                    return 0;
                }
                finally
                {
                    Console.CancelKeyPress -= onCancel;
                }
            });
        });
        return cmd;
    }
}
