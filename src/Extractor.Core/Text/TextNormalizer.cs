using System.Text;

namespace Extractor.Core.Text;

/// <summary>
/// The one place Chinese text is normalised. Every reader calls <see cref="Normalize"/> once on the
/// text it emits; later stages rely on it and never normalise again.
/// </summary>
public static class TextNormalizer
{
    /// <summary>
    /// NFKC folds full-width letters, digits and ASCII punctuation to half width and maps the
    /// Kangxi radicals some PDF fonts emit (⽀ U+2F40) onto the ideographs they stand for (支).
    /// 〇 becomes 零 so that dates and amounts written either way compare equal; runs of white
    /// space (ideographic space included) become one space.
    /// </summary>
    public static string Normalize(string? text)
    {
        if (string.IsNullOrEmpty(text)) return string.Empty;
        var folded = text.Normalize(NormalizationForm.FormKC);
        var sb = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var ch in folded)
        {
            if (char.IsWhiteSpace(ch) || ch == '\u00A0' || char.IsControl(ch))
            {
                pendingSpace = sb.Length > 0;
                continue;
            }
            if (pendingSpace) { sb.Append(' '); pendingSpace = false; }
            sb.Append(ch switch
            {
                '〇' => '零',
                '\u2018' or '\u2019' => '\'',
                '\u2012' or '\u2013' or '\u2212' => '-',
                _ => ch,
            });
        }
        return sb.ToString();
    }

    /// <summary>True for the Han ideographs and CJK punctuation between which no space is written.</summary>
    public static bool IsCjk(char ch) =>
        ch is >= '\u2E80' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF' or >= '\uFF00' and <= '\uFFEF'
            or >= '\u3000' and <= '\u303F' or '“' or '”';

    /// <summary>Joins two pieces of one logical line: no space between CJK characters, one between Latin words.</summary>
    public static string Join(string left, string right)
    {
        if (left.Length == 0) return right;
        if (right.Length == 0) return left;
        return IsCjk(left[^1]) || IsCjk(right[0]) ? left + right : left + " " + right;
    }

    /// <summary>Removes every white space: the key form used to compare headings and labels.</summary>
    public static string Compact(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text) if (!char.IsWhiteSpace(ch)) sb.Append(ch);
        return sb.ToString();
    }
}
