using Extractor.Cli.Commands;
using Extractor.Pdf.Reading;

// PdfPig's one-off font set-up runs on another core while the command line is parsed and the file read.
PdfWarmUp.Start();
var root = TablesCommand.Configure(new System.CommandLine.RootCommand(
    "extractor-tables: the raw tables on pages of a PDF, as `extractor tables` prints them (the same command, compiled ahead of time)."));
return root.Parse(args).Invoke();
