using System.Globalization;
using System.Text;

namespace Extractor.Core.Text;

/// <summary>
/// The one place text is normalised. Every reader calls <see cref="Normalize"/> once on the
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

    /// <summary>
    /// One glyph's text as it reads in visual order. A reader that places glyphs left to right gets
    /// right-to-left script in visual order, which a later bidi pass reverses; but a glyph standing for
    /// several letters (the lam-alef ligature ﻻ, ﷲ, a ToUnicode entry mapping one glyph to two letters)
    /// carries them in logical order, and NFKC would keep that order, so the reversal would come out
    /// alef-lam ("والية" for ولاية). Such a glyph's letters are returned already reversed, each letter
    /// with its marks; any other glyph is returned unchanged. <see cref="Normalize"/> still follows.
    /// </summary>
    public static string GlyphInVisualOrder(string glyph)
    {
        if (!ContainsRightToLeft(glyph)) return glyph;
        var letters = glyph.Normalize(NormalizationForm.FormKC);
        var elements = new List<string>();
        var e = StringInfo.GetTextElementEnumerator(letters);
        while (e.MoveNext()) elements.Add(e.GetTextElement());
        // Only a glyph of right-to-left letters (and spaces, as in ﷺ) is reversed: mixed text is not one ligature.
        if (elements.Count < 2 || elements.Exists(x => char.IsLetterOrDigit(x[0]) && !IsRightToLeft(x[0]))) return glyph;
        elements.Reverse();
        return string.Concat(elements);
    }

    /// <summary>Hebrew and Arabic letters, with their supplements and presentation forms.</summary>
    public static bool IsRightToLeft(char c) =>
        c is >= '\u0590' and <= '\u08FF' or >= '\uFB1D' and <= '\uFDFF' or >= '\uFE70' and <= '\uFEFF'
        && char.IsLetter(c);

    private static bool ContainsRightToLeft(string text)
    {
        foreach (var c in text)
            if (IsRightToLeft(c)) return true;
        return false;
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
