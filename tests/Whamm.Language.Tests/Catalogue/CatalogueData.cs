using System.Reflection;

namespace Whamm.Language.Tests.Catalogue;

/// <summary>Locates the catalogue tests' data files (<c>Catalogue/Data</c> in the source tree).</summary>
internal static class CatalogueData
{
    /// <summary>The data directory.</summary>
    public static string Directory { get; } = Find();

    /// <summary>The full path of a data file.</summary>
    public static string PathOf(string name) => Path.Combine(Directory, name);

    /// <summary>Whether expected files should be rewritten from the actual output (WHAMM_BLESS=1).</summary>
    public static bool Bless => Environment.GetEnvironmentVariable("WHAMM_BLESS") == "1";

    private static string Find()
    {
        var cases = typeof(CatalogueData).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .First(a => a.Key == "CasesDirectory").Value!;
        return Path.Combine(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(cases))!, "Catalogue", "Data");
    }
}
