namespace Throughline.Testing;

/// <summary>Finds the repository root and the shared data beside it, wherever the test runs from.</summary>
internal static class RepoPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    public static string Root => RootLazy.Value;

    public static string Examples => Path.Combine(Root, "examples");

    /// <summary>The shared data folder (<c>../shared/data</c> beside the repository); may be absent.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared", "data"));

    /// <summary>Returns the shared data sub-folder, or skips the calling test with a message saying what is missing.</summary>
    public static string RequireShared(string relative)
    {
        var path = Path.Combine(SharedData, relative);
        if (SharedAbsence(relative) is { } reason)
        {
            Assert.Skip(reason);
        }

        return path;
    }

    /// <summary>
    /// Why a test that needs this shared sub-folder cannot run, or null when it is there. Theories list their rows
    /// without the shared data and skip each with this reason, so a missing folder is counted case by case.
    /// </summary>
    public static string? SharedAbsence(string relative)
    {
        var path = Path.Combine(SharedData, relative);
        return Directory.Exists(path) || File.Exists(path)
            ? null
            : $"shared data not found at {path}: clone the project beside its shared/ folder to run this test";
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Throughline.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Throughline.slnx not found above " + AppContext.BaseDirectory);
    }
}
