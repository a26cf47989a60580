using System.CommandLine;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>Options and error handling shared by the commands that use the store.</summary>
public static class StoreCli
{
    public static Option<string> DbOption(string description = "the SQLite store file") =>
        new("--db") { Description = description, Required = true, HelpName = "FILE" };

    public static Option<string> FormatOption() =>
        new Option<string>("--format") { Description = "json (JSON lines: one object per line) or csv (RFC 4180)", DefaultValueFactory = _ => "json" }
            .AcceptOnlyFromAmong(Output.Formats);

    public static Option<int?> YearOption() => new Option<int?>("--year") { Description = "fiscal year", HelpName = "Y" }.InRange(1900, 2200);

    public static Option<string?> AgencyOption() => new("--agency") { Description = "agency name or part of it", HelpName = "A" };

    /// <summary>Runs a command that reads an existing store (opened read-only) and prints to stdout.</summary>
    public static int Read(string db, Func<ExtractorStore, TextWriter, int> action) => Run(db, () =>
    {
        using var store = ExtractorStore.OpenReadOnly(db);
        using var stdout = Output.Stdout();
        return action(store, stdout);
    });

    /// <summary>Runs a store command: a store that cannot be opened is one line on stderr and exit 1.</summary>
    public static int Run(string db, Func<int> action) => CliErrors.Run(db, () =>
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
