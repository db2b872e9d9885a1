namespace Throughline.Interop.Tests.Plan;

/// <summary>Minimal plan texts for tests: a valid base that each test bends one way.</summary>
internal static class PlanText
{
    public const string Header = """
        program:
          id: demo
          name: Demo
          start: 2027-01-04
        teams:
          - id: web
            name: Web
        people:
          - id: p-a
            name: Ann
            role: engineering-manager
            team: web
        """;

    /// <summary>The header plus one project whose items are the given YAML (indented by the caller's text).</summary>
    public static string WithItems(string items) => Header + "\nprojects:\n  - id: site\n    name: Site\n    items:\n" + Indent(items, 6);

    public static string Indent(string text, int spaces)
    {
        var pad = new string(' ', spaces);
        return string.Join('\n', text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n').Select(l => l.Length == 0 ? l : pad + l)) + "\n";
    }
}
