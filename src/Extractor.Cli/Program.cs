using System.CommandLine;
using System.Reflection;

var root = new RootCommand(
    "Extractor: Chinese government budget disclosures (部门决算, 部门预算, 绩效自评) → structured data with provenance.");
// Every class in Extractor.Cli.Commands with `public static Command Create()` is a subcommand:
// a command lives in its own file and needs no registration here.
foreach (var type in typeof(Program).Assembly.GetTypes()
             .Where(t => t.Namespace == "Extractor.Cli.Commands")
             .OrderBy(t => t.Name))
{
    var create = type.GetMethod("Create", BindingFlags.Public | BindingFlags.Static, Type.EmptyTypes);
    if (create?.ReturnType == typeof(Command)) root.Subcommands.Add((Command)create.Invoke(null, null)!);
}
return root.Parse(args).Invoke();
