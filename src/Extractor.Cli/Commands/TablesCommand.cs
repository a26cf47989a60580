using System.CommandLine;
using Extractor.Core.Layout;
using Extractor.Core.Tables;
using Extractor.Ocr;
using Extractor.Pdf.Reading;
using Extractor.Tables;
using Extractor.Tables.Document;
using Extractor.Tables.Output;

namespace Extractor.Cli.Commands;

/// <summary>
/// `extractor tables FILE --pages P[-Q] [--method lattice|stream|auto] [--area top,left,bottom,right] --format csv|json`:
/// the raw tables of those pages (SCHEMA §6). Without an area, auto mode stitches tables running across the selected pages.
/// </summary>
public static class TablesCommand
{
    public static Command Create() => Configure(new Command("tables", "Print the raw tables found on pages of a PDF."));

    /// <summary>
    /// Gives <paramref name="command"/> the arguments, options and action of `tables`: this command here, and the root
    /// command of `extractor-tables` (src/Extractor.Tables.Cli), the same code compiled ahead of time.
    /// </summary>
    public static Command Configure(Command command)
    {
        var file = new Argument<FileInfo>("file") { Description = "a PDF" };
        var pages = new Option<string?>("--pages") { Description = "pages, e.g. 3 or 3-5 (default: all)" };
        var method = new Option<string>("--method") { Description = "lattice | stream | auto", DefaultValueFactory = _ => TableMethods.Auto };
        method.AcceptOnlyFromAmong(TableMethods.Lattice, TableMethods.Stream, TableMethods.Auto);
        var area = new Option<string[]>("--area")
        {
            Description = "top,left,bottom,right in points from the page's top-left (as tabula takes it); may be repeated",
            AllowMultipleArgumentsPerToken = false,
        };
        var format = new Option<string>("--format") { Description = "csv | json", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var ocr = OcrOption.Create();
        command.Arguments.Add(file);
        foreach (var option in new Option[] { pages, method, area, format, ocr }) command.Options.Add(option);
        command.SetAction(r => CliErrors.Run(r.GetValue(file)!.FullName, () =>
        {
            var path = r.GetValue(file)!.FullName;
            var doc = new PdfDocumentReader().Read(path, new PdfReadOptions { ParallelPages = true });
            var range = PageRange.Parse(r.GetValue(pages), doc.Pages.Count);
            // Scanned pages: OCR words and the rulings found in the page image, as extract reads them.
            doc = ScannedPageReader.Apply(doc, path, TimeSpan.FromSeconds(60), CancellationToken.None, range.Contains, OcrEngines.Parse(r.GetValue(ocr)), parallel: true);
            var selected = doc.Pages.Where(p => range.Contains(p.Number)).ToList();
            var areas = r.GetValue(area) ?? [];
            var tables = Extract(doc, selected, r.GetValue(method)!, areas);
            Console.Out.Write(r.GetValue(format) == "json" ? TableJson.Write(tables) + "\n" : TableCsv.Write(tables));
            return 0;
        }));
        return command;
    }

    private static List<RawTable> Extract(DocumentContent doc, List<PageContent> pages, string method, string[] areas)
    {
        var finder = TableFinderFactory.Create(method);
        if (areas.Length == 0 && method == TableMethods.Auto)
            return new DocumentTableExtractor().Extract(doc with { Pages = pages }).ToList();
        var result = new List<RawTable>();
        foreach (var page in pages)
        {
            if (areas.Length == 0) { result.AddRange(finder.Find(page)); continue; }
            foreach (var a in areas) result.AddRange(finder.Find(page, ParseArea(a, page.Height)));
        }
        return result;
    }

    /// <summary>tabula's top,left,bottom,right measured from the top-left, as our bottom-left box.</summary>
    private static Box ParseArea(string text, double pageHeight)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 4 || !parts.All(p => double.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out _)))
            throw new ArgumentException($"bad area '{text}': expected top,left,bottom,right");
        var v = parts.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new Box(v[1], pageHeight - v[2], v[3], pageHeight - v[0]);
    }
}
