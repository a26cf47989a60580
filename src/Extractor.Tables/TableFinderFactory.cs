using Extractor.Tables.Auto;
using Extractor.Tables.Lattice;
using Extractor.Tables.Stream;

namespace Extractor.Tables;

/// <summary>The page finder for a method name as the command line spells it.</summary>
public static class TableFinderFactory
{
    public static IPageTableFinder Create(string method) => method switch
    {
        TableMethods.Lattice => new Adapter(new LatticeTableFinder().Find),
        TableMethods.Stream => new Adapter(new StreamTableFinder().Find),
        TableMethods.Auto => new AutoTableFinder(),
        _ => throw new ArgumentException($"unknown table method '{method}'"),
    };

    private sealed class Adapter(Func<Core.Layout.PageContent, Core.Layout.Box?, IReadOnlyList<Core.Tables.RawTable>> find) : IPageTableFinder
    {
        public IReadOnlyList<Core.Tables.RawTable> Find(Core.Layout.PageContent page, Core.Layout.Box? area = null) => find(page, area);
    }
}
