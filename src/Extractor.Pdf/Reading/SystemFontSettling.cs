using UglyToad.PdfPig;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Fonts.SystemFonts;
using UglyToad.PdfPig.Parser.Parts;
using UglyToad.PdfPig.Tokens;

namespace Extractor.Pdf.Reading;

/// <summary>
/// Looks up the installed fonts a document's non-embedded fonts stand for (ArialMT → LiberationSans), on one thread,
/// before any of its pages is read.
/// <para>
/// PdfPig draws a font the PDF does not embed with an installed TrueType file found by name, and keeps what it
/// found for the whole process. Its search is not safe when two threads search at once: a search that has not yet
/// seen the name may skip the very file another thread is reading, find nothing, and fall back to the standard
/// font metrics. Glyph boxes then differ, and with them which cell a word falls in: tabula's schools case read
/// "State|Zip" as "StateZip|" (458 of 460 cells) now and then under load, and with two ingest workers, or two
/// threads reading one document's pages, a page's table could change from run to run. Done here under one lock,
/// each search completes alone; the page readers then find PdfPig's cache (or a search of files already read).
/// The cost is the search PdfPig would make anyway, once per process and name.
/// </para>
/// </summary>
public static class SystemFontSettling
{
    private static readonly Lock Searching = new();
    private static readonly HashSet<string> Resolved = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Resolves every non-embedded font of <paramref name="doc"/>; returns the names it looked up now.</summary>
    public static IReadOnlyList<string> Settle(PdfDocument doc)
    {
        var names = NonEmbeddedFontNames(doc);
        if (names.Count == 0) return [];
        var looked = new List<string>();
        lock (Searching)
        {
            foreach (var name in names.Order(StringComparer.Ordinal))
            {
                if (!Resolved.Add(name)) continue;
                looked.Add(name);
                try { SystemFontFinder.Instance.GetTrueTypeFont(name); }
                catch (Exception) { /* an unreadable font file is PdfPig's to report when it draws the page, as before */ }
            }
        }
        return looked;
    }

    /// <summary>BaseFont names of the fonts (and descendant CID fonts) that carry no FontFile, FontFile2 or FontFile3.</summary>
    public static HashSet<string> NonEmbeddedFontNames(PdfDocument doc)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            var scanner = doc.Structure.TokenScanner;
            var seen = new HashSet<(long, int)>();
            if (doc.Structure.Catalog.CatalogDictionary.TryGet(NameToken.Pages, scanner, out DictionaryToken? root))
                Walk(root, scanner, names, seen, depth: 0);
        }
        catch (Exception)
        {
            // A damaged structure is the page reader's to report; nothing is resolved ahead of it.
        }
        return names;
    }

    private static void Walk(DictionaryToken node, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner,
        HashSet<string> names, HashSet<(long, int)> seen, int depth)
    {
        if (depth > 64) return;
        if (node.TryGet(NameToken.Resources, scanner, out DictionaryToken? resources)) Resources(resources, scanner, names, seen, depth);
        if (!node.TryGet(NameToken.Kids, scanner, out ArrayToken? kids)) return;
        foreach (var kid in kids.Data)
        {
            if (kid is IndirectReferenceToken r && !seen.Add((r.Data.ObjectNumber, r.Data.Generation))) continue;
            if (DirectObjectFinder.TryGet(kid, scanner, out DictionaryToken? child)) Walk(child, scanner, names, seen, depth + 1);
        }
    }

    private static void Resources(DictionaryToken resources, UglyToad.PdfPig.Tokenization.Scanner.IPdfTokenScanner scanner,
        HashSet<string> names, HashSet<(long, int)> seen, int depth)
    {
        if (resources.TryGet(NameToken.Font, scanner, out DictionaryToken? fonts))
            foreach (var entry in fonts.Data.Values)
            {
                if (entry is IndirectReferenceToken r && !seen.Add((r.Data.ObjectNumber, r.Data.Generation))) continue;
                if (!DirectObjectFinder.TryGet(entry, scanner, out DictionaryToken? font)) continue;
                var described = font;
                // A composite (Type0) font keeps its descriptor on its descendant CID font.
                if (font.TryGet(NameToken.DescendantFonts, scanner, out ArrayToken? descendants) && descendants.Length > 0
                    && DirectObjectFinder.TryGet(descendants[0], scanner, out DictionaryToken? cid))
                    described = cid;
                var subtype = font.TryGet(NameToken.Subtype, scanner, out NameToken? s) ? s.Data : "";
                if (subtype == "Type3") continue;
                if (described.TryGet(NameToken.FontDescriptor, scanner, out DictionaryToken? descriptor)
                    && (descriptor.ContainsKey(NameToken.FontFile) || descriptor.ContainsKey(NameToken.FontFile2) || descriptor.ContainsKey(NameToken.FontFile3))) continue;
                if (!described.TryGet(NameToken.BaseFont, scanner, out NameToken? baseFont) || baseFont.Data.Length == 0) continue;
                var name = baseFont.Data.Contains('+') ? baseFont.Data[(baseFont.Data.IndexOf('+') + 1)..] : baseFont.Data;
                // The standard 14 fonts are drawn from their own metrics when a Type 1 font names them.
                if (subtype is "Type1" or "MMType1" && Standard14.GetAdobeFontMetrics(name) is not null) continue;
                names.Add(name);
            }
        // Forms drawn on the page carry resources of their own.
        if (resources.TryGet(NameToken.Xobject, scanner, out DictionaryToken? xobjects) && depth < 64)
            foreach (var entry in xobjects.Data.Values)
            {
                if (entry is IndirectReferenceToken r && !seen.Add((r.Data.ObjectNumber, r.Data.Generation))) continue;
                if (DirectObjectFinder.TryGet(entry, scanner, out StreamToken? form)
                    && form.StreamDictionary.TryGet(NameToken.Resources, scanner, out DictionaryToken? inner))
                    Resources(inner, scanner, names, seen, depth + 1);
            }
    }
}
