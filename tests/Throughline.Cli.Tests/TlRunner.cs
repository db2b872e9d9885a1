namespace Throughline.Cli.Tests;

/// <summary>Runs <c>tl</c> in-process exactly as the command line would, capturing what it prints.</summary>
internal static class TlRunner
{
    public static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = Tl.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
