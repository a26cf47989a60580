using System.CommandLine;
using Extractor.Jobs;
using Extractor.Store;
using Extractor.Store.Crawl;
using Extractor.Store.Ingest;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor enqueue PATH|URL... --db PG [--files DIR] [--retry-failed] [--max-pages N] [--max-depth N] [--delay-ms N]`:
/// one extract job per document (scans on the ocr queue) and one crawl per site, for `extractor worker` processes on
/// any machine that reaches the database. Documents already stored are not enqueued again. Exit 0 when the jobs were
/// added; 1 when the store or its job queue cannot be reached; 2 for bad input (no PostgreSQL store, nothing exists).
/// </summary>
public static class EnqueueCommand
{
    public static Option<string> FilesOption() => new("--files")
    {
        Description = "the folder every worker sees, where downloads and ZIP members are kept by sha256 (a shared mount for workers on several machines)",
        HelpName = "DIR", DefaultValueFactory = _ => KeptFiles.WorkersDefault,
    };

    public static Command Create()
    {
        var inputs = new Argument<string[]>("input") { Description = "files, folders (searched recursively), or http(s) URLs of portals to crawl", Arity = ArgumentArity.OneOrMore };
        var db = StoreCli.DbOption("the PostgreSQL store the workers share (created if absent): Host=…;Database=… or postgresql://user@host/db");
        var files = FilesOption();
        var retry = new Option<bool>("--retry-failed") { Description = "enqueue documents stored as failed again (by default only after an extractor upgrade)" };
        var maxPages = new Option<int>("--max-pages") { Description = "a crawl's URL fetches, all slices together", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var maxDepth = new Option<int>("--max-depth") { Description = "links a crawl follows from the seed", HelpName = "N", DefaultValueFactory = _ => 5 };
        var delay = new Option<int>("--delay-ms") { Description = "pause between two requests to one site, whichever worker sends them", HelpName = "N", DefaultValueFactory = _ => 1000 };
        var cmd = new Command("enqueue", "Add documents (one job each) and portals to crawl (one job per site) to the job queue in a PostgreSQL store, for `extractor worker` to run.")
            { inputs, db, files, retry, maxPages, maxDepth, delay };
        cmd.SetAction(r =>
        {
            var dbValue = r.GetValue(db)!;
            return StoreCli.Run(dbValue, () =>
            {
                var location = StoreLocation.Parse(dbValue);
                var all = r.GetValue(inputs)!;
                var urls = all.Where(IsUrl).ToList();
                var paths = all.Where(a => !IsUrl(a)).ToList();
                if (r.GetValue(maxPages) <= 0 || r.GetValue(maxDepth) < 0 || r.GetValue(delay) < 0)
                    throw new ArgumentException("--max-pages must be positive, --max-depth and --delay-ms not negative");
                if (paths.Count > 0 && !paths.Any(p => File.Exists(p) || Directory.Exists(p)))
                {
                    foreach (var p in paths) Console.Error.WriteLine($"{p}: missing: file not found");
                    if (urls.Count == 0) { Console.Error.WriteLine("enqueue: no input exists"); return CliErrors.BadInput; }
                }
                var client = new JobClient(location, JobSetup.Storage(location));
                if (paths.Count > 0)
                {
                    using var archives = new ArchiveInputs();
                    var s = client.EnqueueFiles(archives.Expand(IngestInputs.Enumerate(paths)), new KeptFiles(r.GetValue(files)!),
                        r.GetValue(retry), Console.Error.WriteLine);
                    Console.WriteLine($"enqueue: {s.Enqueued} documents ({s.Scans} scans on the ocr queue) → {location.Display}");
                    Console.WriteLine($"  skipped     {s.Skipped,6}  (already stored)");
                    if (s.Duplicates > 0) Console.WriteLine($"  duplicates  {s.Duplicates,6}  (same content twice in the input)");
                    if (s.Missing > 0) Console.WriteLine($"  missing     {s.Missing,6}");
                    if (s.Ignored > 0) Console.WriteLine($"  ignored     {s.Ignored,6}  (not an ingestible file type)");
                }
                if (urls.Count > 0)
                {
                    var sites = client.EnqueueCrawl(urls, new CrawlSettings(r.GetValue(maxPages), r.GetValue(maxDepth), r.GetValue(delay)));
                    Console.WriteLine($"enqueue: crawl of {sites.Count} site(s): {string.Join(", ", sites)}");
                }
                return 0;
            });
        });
        return cmd;
    }

    private static bool IsUrl(string s) => s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase);
}
