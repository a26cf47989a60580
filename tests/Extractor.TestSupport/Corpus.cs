namespace Extractor.TestSupport;

/// <summary>Locates the repository's corpus/ folder from a test's working directory.</summary>
public static class Corpus
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null)
        {
            var candidate = System.IO.Path.Combine(dir.FullName, "corpus");
            if (Directory.Exists(candidate) && File.Exists(System.IO.Path.Combine(dir.FullName, "Extractor.sln")))
                return candidate;
            dir = dir.Parent;
        }
        throw new DirectoryNotFoundException("corpus/ not found above " + AppContext.BaseDirectory);
    }
}
