using Throughline.Testing;

namespace Throughline.Interop.Tests.Psplib;

/// <summary>The small PSPLIB files kept with the tests (see Fixtures/README.md), so these tests run without shared data.</summary>
internal static class PsplibFixtures
{
    public static string Path(string name) =>
        System.IO.Path.Combine(RepoPaths.Root, "tests", "Throughline.Interop.Tests", "Psplib", "Fixtures", name);
}
