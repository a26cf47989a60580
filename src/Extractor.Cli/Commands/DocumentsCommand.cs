using System.CommandLine;
using Extractor.Store;

namespace Extractor.Cli.Commands;

/// <summary>`extractor documents --db FILE --format json|csv`: one record per stored document.</summary>
public static class DocumentsCommand
{
    private static readonly string[] Header =
    [
        "sha256", "source", "found_on", "link_text", "media_type", "kind", "scope", "agency", "fiscal_year",
        "published_on", "unit", "pages", "status", "error_reason", "error_message", "extractor_version", "ingested_at",
    ];

    public static Command Create()
    {
        var db = StoreCli.DbOption();
        var format = StoreCli.FormatOption();
        var cmd = new Command("documents", "List the stored documents: source, kind, scope, agency, year, status (ok, or failed with its reason).") { db, format };
        cmd.SetAction(r => StoreCli.Read(r.GetValue(db)!, (store, w) =>
            {
                var csv = r.GetValue(format) == "csv";
                if (csv) Output.WriteCsvRow(w, Header);
                foreach (var d in store.Documents())
                {
                    if (csv)
                        Output.WriteCsvRow(w, [
                            d.Sha256, d.Source, d.FoundOn, d.LinkText, d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear,
                            d.PublishedOn, d.Unit, d.Pages, d.Status, d.ErrorReason, d.ErrorMessage, d.ExtractorVersion, d.IngestedAt,
                        ]);
                    else
                        Output.WriteJsonLine(w, new
                        {
                            d.Sha256, d.Source, d.FoundOn, d.LinkText, d.MediaType, d.Kind, d.Scope, d.Agency, d.FiscalYear,
                            d.PublishedOn, d.Unit, d.Pages, d.Status,
                            Error = d.ErrorReason is null ? null : new { Reason = d.ErrorReason, Message = d.ErrorMessage },
                            d.ExtractorVersion, d.IngestedAt,
                        });
                }
                return 0;
            }));
        return cmd;
    }
}
