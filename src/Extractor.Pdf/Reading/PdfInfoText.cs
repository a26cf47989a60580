using System.Text;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf.Reading;

/// <summary>
/// The text of a document-information string. PDF allows only PDFDocEncoding or UTF-16 there, but Chinese
/// producers (Distiller fed by PScript5, WPS) often write the Windows code page's GBK bytes, which PdfPig
/// then shows as Latin-1 noise; Distiller fed by PScript5 even writes them as hex digits inside a literal string
/// ("(<BDADCBD5…>)"). The raw bytes are decoded as UTF-16 (BOM), strict UTF-8, or else GB18030.
/// </summary>
internal static class PdfInfoText
{
    static PdfInfoText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static string? Read(DocumentInformation info, string key, string? decodedByPdfPig)
    {
        if (!info.DocumentInformationDictionary.Data.TryGetValue(key, out var token)) return decodedByPdfPig;
        byte[]? bytes = token switch
        {
            HexToken hex => hex.Bytes.ToArray(),
            StringToken s when s.EncodedWith != StringToken.Encoding.Utf16BE && s.EncodedWith != StringToken.Encoding.Utf16 => s.GetBytes(),
            _ => null,
        };
        if (bytes is not null && HexInLiteral(bytes) is { } inner) bytes = inner;
        if (bytes is null || bytes.All(b => b < 0x80)) return decodedByPdfPig;
        if (bytes is [0xFE, 0xFF, ..]) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        try { return new UTF8Encoding(false, true).GetString(bytes); }
        catch (DecoderFallbackException) { }
        try { return Encoding.GetEncoding("GB18030", EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback).GetString(bytes); }
        catch (DecoderFallbackException) { return decodedByPdfPig; }
    }

    private static byte[]? HexInLiteral(byte[] bytes)
    {
        if (bytes.Length < 4 || bytes[0] != '<' || bytes[^1] != '>' || bytes.Length % 2 != 0) return null;
        var digits = System.Text.Encoding.ASCII.GetString(bytes, 1, bytes.Length - 2);
        return digits.All(char.IsAsciiHexDigit) ? Convert.FromHexString(digits) : null;
    }
}
