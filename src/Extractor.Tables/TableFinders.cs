using Extractor.Core.Layout;
using Extractor.Core.Tables;

namespace Extractor.Tables;

/// <summary>Tables whose cells are drawn: the grid comes from ruling lines alone.</summary>
public interface ILatticeTableFinder
{
    IReadOnlyList<RawTable> Find(PageContent page, Box? area = null);
}

/// <summary>Tables without (full) rulings: columns from text alignment, rows from baselines.</summary>
public interface IStreamTableFinder
{
    IReadOnlyList<RawTable> Find(PageContent page, Box? area = null);
}

/// <summary>Finds the table regions of one page and picks a method per region.</summary>
public interface IPageTableFinder
{
    IReadOnlyList<RawTable> Find(PageContent page, Box? area = null);
}

/// <summary>Joins a table continued on the next page to its start.</summary>
public interface ITableStitcher
{
    IReadOnlyList<RawTable> Stitch(IReadOnlyList<RawTable> tables, IReadOnlyList<PageContent> pages);
}

public static class TableMethods
{
    public const string Lattice = "lattice";
    public const string Stream = "stream";
    public const string Auto = "auto";
}
