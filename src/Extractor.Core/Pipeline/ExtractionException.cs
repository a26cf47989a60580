namespace Extractor.Core.Pipeline;

/// <summary>
/// A document that cannot be read, with a reason fit for one line on stderr and the store's error
/// column (not_a_pdf, encrypted, truncated, empty, too_many_pages, timeout, unsupported_format…).
/// </summary>
public sealed class ExtractionException(string reason, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public string Reason { get; } = reason;
}
