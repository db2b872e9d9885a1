namespace Throughline.Cli;

/// <summary>What <c>tl</c> returns, so scripts and CI can tell outcomes apart.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command line itself was wrong (System.CommandLine's own code).</summary>
    public const int Usage = 1;

    /// <summary>The input has errors; the diagnostics say which.</summary>
    public const int InvalidInput = 2;

    public const int IoError = 3;
}
