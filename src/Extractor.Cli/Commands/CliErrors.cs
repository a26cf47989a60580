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
            Console.Error.WriteLine($"{file}: error: {e.GetType().Name}: {e.Message.Split('\n')[0]}");
            return Failure;
        }
    }
}

/// <summary>An option value no query can use (an unknown fact key): its message stands alone on stderr, exit 2.</summary>
public sealed class UsageException(string message) : ArgumentException(message);
