using System.CommandLine;
using Extractor.Ocr;
using Extractor.Pdf.Reading;

namespace Extractor.Cli.Commands;

/// <summary>`extractor text FILE [--pages P-Q]`: the visible lines of a PDF in reading order, for looking at what the reader sees.</summary>
public static class TextCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "a PDF" };
        var pages = new Option<string?>("--pages") { Description = "pages to print, e.g. 3 or 3-5 (default: all)" };
        var ocr = OcrOption.Create();
        var words = new Option<bool>("--words") { Description = "print each word with its box instead of lines" };
        var cmd = new Command("text", "Print the visible text of a PDF, line by line in reading order.") { file, pages, words, ocr };
        cmd.SetAction(r => CliErrors.Run(r.GetValue(file)!.FullName, () =>
        {
            var path = r.GetValue(file)!.FullName;
            var doc = new PdfDocumentReader().Read(path, new PdfReadOptions { ParallelPages = true });
            var range = PageRange.Parse(r.GetValue(pages), doc.Pages.Count);
            // Scanned pages are read by OCR, as extract reads them (the header then gives the engine's mean confidence).
            var engine = OcrEngines.Parse(r.GetValue(ocr));
            var scanned = doc.Pages.Where(p => p.LooksScanned && range.Contains(p.Number)).Select(p => p.Number).ToList();
            if (scanned.Count > 0 && Extractor.Pipeline.OcrAvailability.Missing(engine, null) is { } missing)
            {
                doc = Extractor.Pipeline.OcrAvailability.WithoutOcr(doc, scanned, engine, missing); // all scans: fails as ocr_unavailable
                Console.Error.WriteLine($"{path}: warning: {doc.Unread[^1].Reason}");
            }
            doc = ScannedPageReader.Apply(doc, path, TimeSpan.FromSeconds(60), CancellationToken.None, range.Contains, engine, parallel: true);
            foreach (var page in doc.Pages.Where(p => range.Contains(p.Number)))
            {
                Console.WriteLine($"=== page {page.Number} ({page.Width:0}x{page.Height:0}, {page.Rulings.Count} rulings{(page.LooksScanned ? ", scanned" : "")}{(page.TextConfidence < 1 ? $", OCR confidence {page.TextConfidence:0.00}" : "")})");
                if (r.GetValue(words))
                    foreach (var w in page.Words) Console.WriteLine($"{w.Box.Left,7:0.0} {w.Box.Bottom,7:0.0} {w.Box.Right,7:0.0} {w.Box.Top,7:0.0} {w.FontSize,5:0.0} {w.Text}");
                else
                    foreach (var l in page.Lines) Console.WriteLine(l.Text);
            }
            return 0;
        }));
        return cmd;
    }
}
