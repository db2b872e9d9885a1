using System.Text;

namespace Throughline.Cli;

/// <summary>
/// The file an <c>--out</c> option names, checked before a command does its work: a missing folder, a directory or a
/// file that cannot be written is one line on standard error and exit 2, not a stack trace after a minute of work.
/// </summary>
internal sealed record OutputFile(FileInfo Target)
{
    /// <summary>The target when it can be written; null, with the reason written to <paramref name="error"/>, when not.</summary>
    public static OutputFile? Check(FileInfo target, string command, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(error);
        var path = target.FullName;
        if (Directory.Exists(path))
        {
            error.WriteLine($"tl {command}: --out {target}: is a directory; name a file in it");
            return null;
        }

        var folder = Path.GetDirectoryName(path);
        if (folder is not null && !Directory.Exists(folder))
        {
            error.WriteLine($"tl {command}: --out {target}: the folder {folder} does not exist");
            return null;
        }

        var existed = File.Exists(path);
        try
        {
            // Opening for append proves the file can be written without changing it; a file made only to prove that goes.
            using (new FileStream(path, FileMode.Append, FileAccess.Write))
            {
            }

            if (!existed)
            {
                File.Delete(path);
            }

            return new OutputFile(target);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            error.WriteLine($"tl {command}: --out {target}: cannot write: {e.Message}");
            return null;
        }
    }

    public void Write(string text) => File.WriteAllText(Target.FullName, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
}
