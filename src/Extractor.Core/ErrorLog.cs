using System.Globalization;

namespace Extractor.Core;

/// <summary>
/// Where the detail of an internal failure goes (exception type, message, stack), so that what a user reads — one
/// line on stderr, the store's error column — says what to do, and the detail is still there for a bug report.
/// The file is <c>EXTRACTOR_LOG</c> when set; otherwise the command picks it (ingest and crawl: beside the store,
/// <c>STORE.log</c>), else ~/.local/share/extractor/errors.log. Appending never throws: a log that cannot be written
/// costs its entry, not the document.
/// </summary>
public static class ErrorLog
{
    private static readonly Lock Gate = new();
    private static string? _path;

    public static string Path
    {
        get => _path ??= Environment.GetEnvironmentVariable("EXTRACTOR_LOG") is { Length: > 0 } env ? env : DefaultPath();
        set => _path = Environment.GetEnvironmentVariable("EXTRACTOR_LOG") is { Length: > 0 } env ? env : value;
    }

    /// <summary>"details in FILE", to end a message with.</summary>
    public static string Hint => $"details in {Path}";

    private static string DefaultPath() =>
        System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create),
            "extractor", "errors.log");

    /// <summary>Appends one entry: when, what it was about (a file), what the user was told, and the exception whole.</summary>
    public static void Write(string subject, string told, Exception exception)
    {
        try
        {
            var path = Path;
            var entry = string.Create(CultureInfo.InvariantCulture,
                $"{DateTime.UtcNow:yyyy-MM-ddTHH:mm:ss.fffZ} {subject}: {told}\n  extractor {ExtractorInfo.Version}\n{exception}\n\n");
            lock (Gate)
            {
                if (System.IO.Path.GetDirectoryName(path) is { Length: > 0 } dir) Directory.CreateDirectory(dir);
                File.AppendAllText(path, entry);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException) { }
    }
}
