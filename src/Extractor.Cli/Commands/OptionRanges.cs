using System.CommandLine;

namespace Extractor.Cli.Commands;

/// <summary>
/// Ranges of the numeric options, checked when the command line is parsed: a value no run could use (a time limit
/// past what a timer can hold, zero workers) is a usage error naming the option, before any document is read — never
/// a batch that fails every document on its own settings.
/// </summary>
public static class OptionRanges
{
    /// <summary>A day: longer than any document takes, and well inside what a .NET timer accepts (24.8 days).</summary>
    public const int MaxTimeoutSeconds = 86_400;

    public static Option<int> InRange(this Option<int> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            // A value that is no number at all is the parser's own error (UsageErrors words it); only a number is ranged.
            if (!Parsed(r, out int value)) return;
            if (value < min || value > max) r.AddError($"{option.Name} must be from {min} to {max} (got {value})");
        });
        return option;
    }

    public static Option<int?> InRange(this Option<int?> option, int min, int max)
    {
        option.Validators.Add(r =>
        {
            if (!Parsed(r, out int? parsed)) return;
            if (parsed is { } value && (value < min || value > max))
                r.AddError($"{option.Name} must be from {min} to {max} (got {value})");
        });
        return option;
    }

    private static bool Parsed<T>(System.CommandLine.Parsing.OptionResult r, out T value)
    {
        try { value = r.GetValueOrDefault<T>(); return true; }
        catch (InvalidOperationException) { value = default!; return false; }
    }
}
