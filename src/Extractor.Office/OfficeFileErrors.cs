namespace Extractor.Office;

/// <summary>
/// What is wrong with a Word or Excel file, in words a user can act on. The XML and package libraries' own messages
/// speak to programmers ("set the DtdProcessing property on XmlReaderSettings …"); they stay in the error log through
/// the exception's inner one.
/// </summary>
public static class OfficeFileErrors
{
    /// <summary>
    /// The most characters of XML one part (document.xml, a sheet) may hold: a real report's largest part is a few
    /// million; a part past this is a decompression bomb (1 MB of zip inflating to a 1 GB document.xml took 2.4 GB of
    /// memory and ended in OutOfMemory). Enforced by the Open XML SDK's own reader setting.
    /// </summary>
    public const long MaxCharactersInPart = 128L << 20;

    public static DocumentFormat.OpenXml.Packaging.OpenSettings Settings => new() { MaxCharactersInPart = MaxCharactersInPart };

    /// <summary>The failure for a file that could not be read: too_large for a part over the limit, else corrupt.</summary>
    public static Core.Pipeline.ExtractionException Failure(string what, Exception e) =>
        e is System.Xml.XmlException x && x.Message.Contains("MaxCharactersInDocument", StringComparison.Ordinal)
            ? new("too_large", $"{what}: a part holds more than {MaxCharactersInPart >> 20}M characters of XML (a decompression bomb); the file is refused", e)
            : new("corrupt", $"{what}: {Why(e)}", e);

    public static string Why(Exception e) => e switch
    {
        // A document type declaration: Word and Excel never write one, and its entities can expand without bound
        // (a "billion laughs" file), so the reader refuses it.
        System.Xml.XmlException x when x.Message.Contains("DTD", StringComparison.Ordinal) =>
            "it declares a DTD, which Word and Excel never write (refused: its entities could expand without bound)",
        System.Xml.XmlException x => x.LineNumber > 0 ? $"its XML is malformed (line {x.LineNumber}, position {x.LinePosition})" : "its XML is malformed",
        InvalidDataException or IOException => "the zip container is damaged or cut short",
        _ => e.Message.Split('\n')[0],
    };
}
