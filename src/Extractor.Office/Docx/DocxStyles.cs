using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Extractor.Office.Docx;

/// <summary>Style lookups through the basedOn chain: outline level, numbering, font size and bold.</summary>
internal sealed partial class DocxStyles
{
    private readonly Dictionary<string, Style> _byId = new(StringComparer.Ordinal);
    private readonly double? _defaultSize;
    private readonly bool _defaultBold;

    public string? DefaultParagraphStyle { get; }

    public DocxStyles(MainDocumentPart main)
    {
        var styles = main.StyleDefinitionsPart?.Styles ?? main.StylesWithEffectsPart?.Styles;
        if (styles is null) return;
        foreach (var s in styles.Elements<Style>())
            if (s.StyleId?.Value is { } id) _byId.TryAdd(id, s);
        DefaultParagraphStyle = styles.Elements<Style>()
            .FirstOrDefault(s => s.Type?.Value == StyleValues.Paragraph && s.Default?.Value == true)?.StyleId?.Value;
        var rpr = styles.DocDefaults?.RunPropertiesDefault?.RunPropertiesBaseStyle;
        _defaultSize = HalfPoints(rpr?.FontSize?.Val?.Value);
        _defaultBold = rpr?.Bold is { } b && (b.Val is null || b.Val.Value);
    }

    private IEnumerable<Style> Chain(string? styleId)
    {
        var seen = new HashSet<string>();
        while (styleId is not null && seen.Add(styleId) && _byId.TryGetValue(styleId, out var style))
        {
            yield return style;
            styleId = style.BasedOn?.Val?.Value;
        }
    }

    public string? Name(string? styleId) => Chain(styleId).FirstOrDefault()?.StyleName?.Val?.Value;

    /// <summary>Heading level 1–9 from the style's outline level or its name (heading N, 标题 N, Title); 0 for body text.</summary>
    public int HeadingLevel(string? styleId)
    {
        foreach (var s in Chain(styleId))
        {
            if (s.StyleParagraphProperties?.OutlineLevel?.Val?.Value is { } level) return level is >= 0 and <= 8 ? level + 1 : 0;
            var name = s.StyleName?.Val?.Value ?? "";
            var m = HeadingName().Match(name);
            if (m.Success) return int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            if (name.Equals("Title", StringComparison.OrdinalIgnoreCase) || name == "标题") return 1;
        }
        return 0;
    }

    public (int NumId, int Level)? Numbering(string? styleId)
    {
        foreach (var s in Chain(styleId))
            if (s.StyleParagraphProperties?.NumberingProperties is { } np && np.NumberingId?.Val?.Value is { } id)
                return (id, np.NumberingLevelReference?.Val?.Value ?? 0);
        return null;
    }

    public double? FontSize(string? styleId)
    {
        foreach (var s in Chain(styleId))
            if (HalfPoints(s.StyleRunProperties?.FontSize?.Val?.Value) is { } size) return size;
        return null;
    }

    public bool? Bold(string? styleId)
    {
        foreach (var s in Chain(styleId))
            if (s.StyleRunProperties?.Bold is { } b) return b.Val is null || b.Val.Value;
        return null;
    }

    public double DefaultSize => _defaultSize ?? 10.5;
    public bool DefaultBold => _defaultBold;

    public static double? HalfPoints(string? value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var half) && half > 0 ? half / 2 : null;

    [GeneratedRegex(@"^(?:heading|标题)\s*([1-9])$", RegexOptions.IgnoreCase)]
    private static partial Regex HeadingName();
}
