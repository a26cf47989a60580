using System.CommandLine;
using Extractor.Core.Schema;
using Extractor.Serve.Text;
using Extractor.Store;
using Extractor.Store.Queries;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor schema [keys|tables|sections|checks] [--db FILE] [--format table|csv|json]`: the contract's ids
/// (docs/schema.md, built into the program) with their Chinese names and units; with --db, how many stored documents
/// hold each (facts per key, tables per id, sections per id, checks per rule with how many failed).
/// </summary>
public static class SchemaCommand
{
    public static Command Create()
    {
        var what = new Argument<string>("what")
        {
            Description = "keys (fact keys, the default), tables (table ids), sections (section ids) or checks (check rules)",
            DefaultValueFactory = _ => SchemaCatalog.Keys,
        }.AcceptOnlyFromAmong(SchemaCatalog.Families);
        var db = new Option<string?>("--db") { Description = "a store: also print how many stored documents hold each id", HelpName = "FILE" };
        var format = new Option<string>("--format") { Description = "table (aligned text), csv (RFC 4180) or json (JSON lines)", DefaultValueFactory = _ => "table" }
            .AcceptOnlyFromAmong("table", "csv", "json");
        var cmd = new Command("schema",
            "List the ids of the output contract (docs/schema.md): fact keys with Chinese names and units, table ids, section ids, check rules.")
            { what, db, format };
        cmd.SetAction(r =>
        {
            var family = r.GetValue(what)!;
            var path = r.GetValue(db);
            if (path is null) return Print(family, null, r.GetValue(format)!);
            return StoreCli.Read(path, (store, w) => Print(family, store, r.GetValue(format)!, w));
        });
        return cmd;
    }

    private static int Print(string family, ExtractorStore? store, string format)
    {
        using var w = Output.Stdout();
        return Print(family, store, format, w);
    }

    private static int Print(string family, ExtractorStore? store, string format, TextWriter w)
    {
        var entries = SchemaCatalog.Of(family);
        var counts = store?.IdCounts(family);
        var header = new List<string> { family switch { SchemaCatalog.Keys => "key", SchemaCatalog.Checks => "rule", _ => "id" } };
        header.Add(family == SchemaCatalog.Keys ? "name" : "description");
        if (family == SchemaCatalog.Keys) header.Add("unit");
        if (counts is not null) header.AddRange(CountColumns(family));
        var rows = new List<object?[]>();
        foreach (var e in entries)
        {
            var row = new List<object?> { e.Id, family == SchemaCatalog.Keys ? e.Name + (e.Reserved ? " (not read yet)" : "") : e.Description };
            if (family == SchemaCatalog.Keys) row.Add(e.Unit);
            if (store is not null) row.AddRange(Counted(family, e, store));
            rows.Add(row.ToArray());
        }
        // Ids stored but not in the contract (an older or newer extractor wrote them): shown, not hidden.
        if (counts is not null)
            foreach (var (id, c) in counts.Where(kv => !entries.Any(e => Documented(family, e, kv.Key))).OrderBy(kv => kv.Key, StringComparer.Ordinal))
            {
                var row = new List<object?> { id, "(not in docs/schema.md)" };
                if (family == SchemaCatalog.Keys) row.Add(null);
                row.AddRange(family == SchemaCatalog.Keys ? [c.Documents, null, null] : family == SchemaCatalog.Checks ? [c.Documents, c.Failed] : [c.Documents]);
                rows.Add(row.ToArray());
            }

        switch (format)
        {
            case "csv":
                Output.WriteCsvRow(w, header);
                foreach (var row in rows) Output.WriteCsvRow(w, row);
                break;
            case "json":
                foreach (var row in rows)
                    Output.WriteJsonLine(w, header.Zip(row).ToDictionary(p => p.First, p => p.Second));
                break;
            default:
                var table = new TextTable(header, header.Select(h => h is "documents" or "budget" or "prior_year" or "failed").ToList());
                foreach (var row in rows) table.Add(row.Select(c => c?.ToString()).ToArray());
                table.Write(w);
                w.WriteLine();
                w.WriteLine(family switch
                {
                    SchemaCatalog.Keys => $"{entries.Count} fact keys, money in 万元; each may also carry .budget (the 预算数 a final account compares with) and .prior_year (上年数).",
                    SchemaCatalog.Tables => $"{entries.Count} table ids; <snake_name> stands for the words of a title no id names.",
                    SchemaCatalog.Checks => $"{entries.Count} check rules; <table> is a table's short id (t01, budget.t01, or an x_ table's id), <key> a fact key.",
                    _ => $"{entries.Count} section ids.",
                } + (counts is null ? " Add --db FILE for how many stored documents hold each." : ""));
                break;
        }
        return 0;
    }

    private static IEnumerable<string> CountColumns(string family) => family switch
    {
        SchemaCatalog.Keys => ["documents", "budget", "prior_year"],
        SchemaCatalog.Checks => ["documents", "failed"],
        _ => ["documents"],
    };

    private static IEnumerable<object?> Counted(string family, SchemaEntry e, ExtractorStore store)
    {
        if (family == SchemaCatalog.Keys)
            return [store.CountHolding(family, e.Id).Documents, store.CountHolding(family, e.Id + ".budget").Documents,
                store.CountHolding(family, e.Id + ".prior_year").Documents];
        var c = store.CountHolding(family, e.Id);
        return family == SchemaCatalog.Checks ? [c.Documents, c.Failed] : [c.Documents];
    }

    private static bool Documented(string family, SchemaEntry e, string id) =>
        family == SchemaCatalog.Keys ? e.Id == SchemaCatalog.BaseKey(id) : SchemaCatalog.Covers(e.Id, id);
}
