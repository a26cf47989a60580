using Extractor.Core.Pipeline;

namespace Extractor.Cli.Commands;

/// <summary>Turns any failure on one file into one line on stderr (file: reason) and a non-zero exit, never a stack trace.</summary>
public static class CliErrors
{
    public const int BadInput = 2;
    public const int Failure = 1;

    public static int Run(string file, Func<int> action)
    {
        try
        {
            return action();
        }
        catch (ExtractionException e)
        {
            Console.Error.WriteLine($"{file}: {e.Reason}: {e.Message}");
            return BadInput;
        }
        catch (UsageException e)
        {
            Console.Error.WriteLine(e.Message);
            return BadInput;
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"{file}: {e.Message}");
            return BadInput;
        }
        catch (Exception e)
        {
            // A bug: the exception's text means nothing to the user; it goes to the log with its stack.
            var told = $"internal error, a fault of the extractor ({Extractor.Core.ErrorLog.Hint})";
            Extractor.Core.ErrorLog.Write(file, told, e);
            Console.Error.WriteLine($"{file}: error: {told}");
            return Failure;
        }
    }
}

/// <summary>An option value no query can use (an unknown fact key): its message stands alone on stderr, exit 2.</summary>
public sealed class UsageException(string message) : ArgumentException(message);
