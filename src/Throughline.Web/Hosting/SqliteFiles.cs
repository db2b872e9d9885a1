namespace Throughline.Web.Hosting;

/// <summary>
/// The SQLite database holds password hashes, token hashes and the data-protection keys: on Unix its folder is created
/// 0700 and the file 0600 before SQLite opens it (SQLite gives its <c>-wal</c> and <c>-shm</c> files the database
/// file's mode). A file that already exists is narrowed to 0600 as well.
/// </summary>
internal static class SqliteFiles
{
    private const UnixFileMode OwnerReadWrite = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static void CreatePrivate(string file)
    {
        if (file is "" or ":memory:" || file.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(folder);
            return;
        }

        if (!Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder, OwnerReadWrite | UnixFileMode.UserExecute);
        }

        try
        {
            using var created = new FileStream(file, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = OwnerReadWrite });
        }
        catch (IOException) when (File.Exists(file))
        {
            // There already (an earlier start, or another instance starting now): narrowed below.
        }

        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            if (File.Exists(path) && File.GetUnixFileMode(path) != OwnerReadWrite)
            {
                File.SetUnixFileMode(path, OwnerReadWrite);
            }
        }
    }
}
