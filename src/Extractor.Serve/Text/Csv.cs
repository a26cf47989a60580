using System.Globalization;

namespace Extractor.Serve.Text;

/// <summary>RFC 4180 CSV as `documents`/`facts` print it: CRLF, a field quoted when it holds a comma, quote or line break.</summary>
public static class Csv
{
    public static void WriteRow(TextWriter w, IEnumerable<object?> fields)
    {
        var first = true;
        foreach (var f in fields)
        {
            if (!first) w.Write(',');
            first = false;
            w.Write(Field(f));
        }
        w.Write("\r\n");
    }

    public static string Field(object? value)
    {
        var text = value switch
        {
            null => "",
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            double x => x.ToString("R", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
