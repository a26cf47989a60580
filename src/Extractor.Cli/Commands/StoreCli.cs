using System.CommandLine;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>Options and error handling shared by the commands that use the store.</summary>
public static class StoreCli
{
    public const string DbHelp = "a SQLite file, or a PostgreSQL database: Host=…;Database=…[;Username=…] or postgresql://user@host/db";

    public static Option<string> DbOption(string description = "the store: " + DbHelp) =>
        new("--db") { Description = description, Required = true, HelpName = "DB" };

    public static Option<string> FormatOption() =>
        new Option<string>("--format") { Description = "json (JSON lines: one object per line) or csv (RFC 4180)", DefaultValueFactory = _ => "json" }
            .AcceptOnlyFromAmong(Output.Formats);

    public static Option<int?> YearOption() => new Option<int?>("--year") { Description = "fiscal year", HelpName = "Y" }.InRange(1900, 2200);

    public static Option<string?> AgencyOption() => new("--agency") { Description = "agency name or part of it", HelpName = "A" };

    /// <summary>The store as errors name it: the path, or the connection string without its password.</summary>
    public static string Shown(string db)
    {
        try { return StoreLocation.Parse(db).Display; }
        catch (ArgumentException) { return "--db"; }
    }

    /// <summary>Runs a command that reads an existing store (opened read-only) and prints to stdout.</summary>
    public static int Read(string db, Func<ExtractorStore, TextWriter, int> action) => Run(db, () =>
    {
        using var store = ExtractorStore.OpenReadOnly(db);
        using var stdout = Output.Stdout();
        return action(store, stdout);
    });

    /// <summary>Runs a store command: a store that cannot be opened is one line on stderr and exit 1.</summary>
    public static int Run(string db, Func<int> action) => CliErrors.Run(Shown(db), () =>
    {
        try
        {
            return action();
        }
        catch (StoreException e)
        {
            Console.Error.WriteLine(e.Message);
            return CliErrors.Failure;
        }
    });
}
