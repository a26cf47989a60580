namespace Extractor.Office;

/// <summary>The media types <c>MediaTypeSniffer</c> reports for office files, and which reader takes each.</summary>
public static class OfficeMediaTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    /// <summary>.doc (and OLE files with an unknown extension).</summary>
    public const string Doc = "application/msword";
    /// <summary>.xls and WPS Spreadsheets .et.</summary>
    public const string Xls = "application/vnd.ms-excel";
    /// <summary>WPS Writer .wps.</summary>
    public const string Wps = "application/vnd.ms-works";
}
