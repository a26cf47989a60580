using System.Reflection;

namespace Extractor.Core;

public static class ExtractorInfo
{
    /// <summary>Stored with every value so that a number can be traced to the code that read it.</summary>
    public static readonly string Version =
        typeof(ExtractorInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion?.Split('+')[0]
        ?? "0.0.0";
}
