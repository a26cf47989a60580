using System.Security.Cryptography;
using Extractor.Core.Layout;
using Extractor.Core.Pipeline;
using Extractor.Office.Docx;
using Extractor.Office.Xlsx;

namespace Extractor.Office.Legacy;

/// <summary>
/// Reads .doc, .wps (Word/WPS Writer) and .xls, .et (Excel/WPS Spreadsheets) by converting them with LibreOffice
/// (<see cref="LibreOfficeConverter"/>) and reading the result with the DOCX/XLSX reader. The content keeps the
/// original file's sha256, source and media type; Info["ConvertedBy"] says it went through LibreOffice.
/// </summary>
public sealed class LegacyOfficeReader(LibreOfficeConverter? converter = null) : IDocumentReader
{
    private readonly LibreOfficeConverter _converter = converter ?? new LibreOfficeConverter();

    public bool CanRead(string mediaType) => mediaType is OfficeMediaTypes.Doc or OfficeMediaTypes.Xls or OfficeMediaTypes.Wps;

    public DocumentContent Read(string path, ReadLimits limits)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var bytes = File.ReadAllBytes(path);
        var mediaType = Sniff(path, bytes);
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var spreadsheet = mediaType == OfficeMediaTypes.Xls;
        // WPS Office's .wps/.et are Word/Excel-compatible OLE files: hand them to LibreOffice as .doc/.xls; a .wps
        // without a WordDocument stream is an old Microsoft Works file and keeps its name.
        var wordStream = HasStream(bytes, "WordDocument");
        var source = spreadsheet ? "xls" : wordStream || extension != "wps" ? "doc" : "wps";
        var shown = extension is "doc" or "xls" or "wps" or "et" ? extension : spreadsheet ? "xls" : "doc";
        var converted = _converter.Convert(path, source, spreadsheet ? "xlsx" : "docx", limits.Cancellation, shown);
        var content = spreadsheet
            ? new XlsxDocumentReader().Read(converted, path, mediaType, limits)
            : new DocxDocumentReader().Read(converted, path, mediaType, limits.Cancellation);
        var info = new Dictionary<string, string>(content.Info, StringComparer.Ordinal) { ["ConvertedBy"] = "LibreOffice" };
        return content with { Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)), MediaType = mediaType, Info = info };
    }

    /// <summary>
    /// What an OLE compound file holds, from its stream names (UTF-16 in the directory): "WordDocument" for Word
    /// and WPS Writer, "Workbook"/"Book" for Excel and WPS Spreadsheets; the extension only when neither is found.
    /// </summary>
    private static bool HasStream(byte[] bytes, string name) => bytes.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(name)) >= 0;

    public static string Sniff(string path, byte[] bytes)
    {
        var word = HasStream(bytes, "WordDocument");
        var excel = HasStream(bytes, "Workbook") || HasStream(bytes, "Book\0");
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (word && !excel) return ext == ".wps" ? OfficeMediaTypes.Wps : OfficeMediaTypes.Doc;
        if (excel && !word) return OfficeMediaTypes.Xls;
        return ext switch
        {
            ".xls" or ".et" => OfficeMediaTypes.Xls,
            ".wps" => OfficeMediaTypes.Wps,
            _ => OfficeMediaTypes.Doc,
        };
    }
}
