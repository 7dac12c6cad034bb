namespace Whamm.Runtime.Tests;

/// <summary>Locates the test data of this project in the source tree.</summary>
public static class TestFiles
{
    private static readonly Lazy<string> root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Whamm.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no Whamm.slnx above {AppContext.BaseDirectory}");
    });

    /// <summary>The repository root.</summary>
    public static string Root => root.Value;

    /// <summary>tests/Whamm.Runtime.Tests/wast.</summary>
    public static string WastDir => Path.Combine(Root, "tests", "Whamm.Runtime.Tests", "wast");

    /// <summary>A fresh temporary directory.</summary>
    public static string TempDir() => Directory.CreateTempSubdirectory("whamm-runtime-").FullName;
}
