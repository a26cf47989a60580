using System.CommandLine;
using System.Text.RegularExpressions;

namespace Extractor.Cli.Commands;

/// <summary>
/// Parse errors in words a user can act on: "extractor compare: --year expects a whole number such as 2024, not 'abc'"
/// instead of System.CommandLine's "as expected type 'System.Nullable`1[System.Int32]'", then where to read more.
/// </summary>
public static partial class UsageErrors
{
    public static int Print(ParseResult parsed)
    {
        var command = parsed.CommandResult.Command;
        var name = command.Parents.Any() ? $"extractor {command.Name}" : "extractor";
        foreach (var error in parsed.Errors.Select(e => Plain(e.Message)).Distinct())
            Console.Error.WriteLine($"{name}: {error}");
        Console.Error.WriteLine($"Run '{name} --help' for its options.");
        return CliErrors.BadInput;
    }

    /// <summary>System.CommandLine's messages with the .NET type names put in words.</summary>
    public static string Plain(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return message;
        var option = m.Groups["option"].Value;
        var value = m.Groups["value"].Value;
        var type = m.Groups["type"].Value;
        var expected = type switch
        {
            _ when type.Contains("Int32") || type.Contains("Int64") => option == "--year" ? "a year such as 2024" : "a whole number",
            _ when type.Contains("Double") || type.Contains("Decimal") => "a number",
            _ when type.Contains("Boolean") => "true or false",
            _ => "another kind of value",
        };
        return $"{option} expects {expected}, not '{value}'";
    }

    [GeneratedRegex(@"Cannot parse argument '(?<value>.*)' for (?:option|argument) '(?<option>[^']*)' as expected type '(?<type>[^']*)'")]
    private static partial Regex CannotParse();
}
