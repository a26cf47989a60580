using System.CommandLine;
using Extractor.Cli.Commands;

var root = new RootCommand(
    "Extractor: Chinese government budget disclosures (部门决算, 部门预算, 绩效自评) → structured data with provenance.");
root.Subcommands.Add(TextCommand.Create());
return root.Parse(args).Invoke();
