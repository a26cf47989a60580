using Extractor.Core.Pipeline;

namespace Extractor.Pipeline;

/// <summary>Media type from the bytes (magic numbers), the extension only to tell apart formats that share a container.</summary>
public static class MediaTypeSniffer
{
    public static string Detect(string path)
    {
        if (!File.Exists(path)) throw new ExtractionException("missing", "file not found");
        var length = new FileInfo(path).Length;
        if (length == 0) throw new ExtractionException("empty", "file is empty (0 bytes)");
        var head = new byte[Math.Min(4096, length)];
        using (var fs = File.OpenRead(path)) fs.ReadExactly(head);
        var span = head.AsSpan();
        if (span.IndexOf("%PDF-"u8) >= 0) return "application/pdf";
        if (span.StartsWith("PK\u0003\u0004"u8)) return ZipKind(path);
        if (span.StartsWith(new byte[] { 0xD0, 0xCF, 0x11, 0xE0 })) return OleKind(path);
        // A file named .pdf that is not one: a .docx/.xlsx/.doc (checked above) or a web page is read as what it is —
        // a page saved under a PDF's name is then judged by Extractor.Web.MisnamedPage (report inline, or a landing
        // page, or an error page); anything else (an image, random bytes) is bad input.
        if (Path.GetExtension(path).Equals(".pdf", StringComparison.OrdinalIgnoreCase))
        {
            if (LooksHtml(head)) return "text/html";
            throw new ExtractionException("not_a_pdf", "not a PDF (" + Extractor.Pdf.Reading.PdfSniffer.Describe(head) + ")");
        }
        if (span.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF })) return "image/jpeg";
        if (span.StartsWith(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })) return "image/png";
        if (LooksHtml(head)) return "text/html";
        var ext = Path.GetExtension(path).ToLowerInvariant();
        // Binary bytes under a Word or Excel name are a damaged file; text (RTF, a tab-separated export) stays
        // an unsupported format.
        if (OfficeName(path) is { } office && head.Any(c => c < 0x09 || c is > 0x0D and < 0x20))
            throw new ExtractionException("corrupt", $"not a readable {office} file: neither a zip container nor an OLE file ({Extractor.Pdf.Reading.PdfSniffer.Describe(head).Replace("no %PDF header", "unknown binary data")})");
        return ext switch
        {
            ".txt" => "text/plain",
            ".htm" or ".html" => "text/html",
            _ => "application/octet-stream",
        };
    }

    /// <summary>"Word" or "Excel" for a file named as one (.docx, .doc, .xlsx, .xls …), else null.</summary>
    private static string? OfficeName(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" or ".docm" or ".doc" or ".wps" => "Word",
        ".xlsx" or ".xlsm" or ".xls" or ".et" => "Excel",
        _ => null,
    };

    private static bool LooksHtml(byte[] head)
    {
        var text = System.Text.Encoding.Latin1.GetString(head).ToLowerInvariant();
        return text.Contains("<html") || text.Contains("<!doctype html") || text.Contains("<body");
    }

    /// <summary>
    /// A Word or Excel package by its main part; a file named .docx or .xlsx whose zip is damaged or holds neither is
    /// a damaged Office file, said so (not "unsupported format (application/zip)").
    /// </summary>
    private static string ZipKind(string path)
    {
        string why;
        try
        {
            using var zip = System.IO.Compression.ZipFile.OpenRead(path);
            if (zip.GetEntry("word/document.xml") is not null) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if (zip.GetEntry("xl/workbook.xml") is not null) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            why = "its zip container holds neither word/document.xml nor xl/workbook.xml";
        }
        catch (InvalidDataException)
        {
            why = "its zip container is damaged or cut short";
        }
        if (OfficeName(path) is { } office) throw new ExtractionException("corrupt", $"not a readable {office} file: {why}");
        return "application/zip";
    }

    private static string OleKind(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".xls" or ".et" => "application/vnd.ms-excel",
        ".wps" => "application/vnd.ms-works",
        _ => "application/msword",
    };
}
