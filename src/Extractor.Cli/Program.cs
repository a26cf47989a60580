using System.CommandLine;
using System.Reflection;
using Extractor.Cli.Commands;
using Extractor.Pdf.Reading;

// Commands that open PDFs start PdfPig's one-off font set-up on another core while the command line is built.
if (args.Length > 0 && args[0] is "tables" or "text" or "extract" or "ingest" or "label" or "enqueue" or "worker") PdfWarmUp.Start();

var root = new RootCommand(
    "Extractor: Chinese government budget disclosures (部门决算, 部门预算, 绩效自评) → structured data with provenance.");
// Every class in Extractor.Cli.Commands with `public static Command Create()` is a subcommand:
// a command lives in its own file and needs no registration here.
var types = typeof(Program).Assembly.GetTypes()
    .Where(t => t.Namespace == "Extractor.Cli.Commands")
    .OrderBy(t => t.Name, StringComparer.Ordinal)
    .ToList();
// A run names one command (XCommand is `x`): only that one is built, since building them all loads what the
// others need (store, web server, JSON encoders) into every short `extractor tables` process. Otherwise, all.
var named = args.Length > 0 ? types.Where(t => t.Name.Equals(args[0] + "Command", StringComparison.OrdinalIgnoreCase)).ToList() : [];
var commands = Build(named).ToList();
if (commands.Count != 1 || commands[0].Name != args[0]) commands = Build(types).ToList();
foreach (var command in commands) root.Subcommands.Add(command);
var parsed = root.Parse(args);
// A mistyped command line is a few plain lines on stderr and exit 2, not the whole help page with .NET type names.
if (parsed.Errors.Count > 0 && parsed.Action is System.CommandLine.Invocation.ParseErrorAction) return UsageErrors.Print(parsed);
return parsed.Invoke();

static IEnumerable<Command> Build(IEnumerable<Type> types)
{
    foreach (var type in types)
    {
        var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
        if (create?.ReturnType == typeof(Command)) yield return (Command)create.Invoke(null, null)!;
    }
}
