using Spectre.Console;
using Spectre.Console.Rendering;

namespace Throughline.Cli.Tests.Commands;

/// <summary>
/// An interactive Spectre console whose keyboard is a script: what a person would type at the prompts, so that the
/// interactive path of a command runs in a test exactly as on a terminal.
/// </summary>
internal sealed class ScriptedConsole : IAnsiConsole, IAnsiConsoleInput
{
    private readonly IAnsiConsole inner;
    private readonly Queue<ConsoleKeyInfo> keys = new();

    public ScriptedConsole(TextWriter output)
    {
        inner = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.Yes,   // selection prompts redraw themselves with escape sequences
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.Yes,
        });
        inner.Profile.Width = 160;
    }

    public Profile Profile => inner.Profile;

    public IAnsiConsoleCursor Cursor => inner.Cursor;

    public IAnsiConsoleInput Input => this;

    public IExclusivityMode ExclusivityMode => inner.ExclusivityMode;

    public RenderPipeline Pipeline => inner.Pipeline;

    /// <summary>Types the text and presses Enter.</summary>
    public ScriptedConsole Line(string text = "")
    {
        foreach (var c in text)
        {
            keys.Enqueue(new ConsoleKeyInfo(c, ConsoleKey.NoName, shift: false, alt: false, control: false));
        }

        return Press(ConsoleKey.Enter);
    }

    public ScriptedConsole Press(ConsoleKey key, int times = 1)
    {
        for (var i = 0; i < times; i++)
        {
            var character = key switch
            {
                ConsoleKey.Enter => '\r',
                ConsoleKey.Spacebar => ' ',
                _ => '\0',
            };
            keys.Enqueue(new ConsoleKeyInfo(character, key, shift: false, alt: false, control: false));
        }

        return this;
    }

    public void Clear(bool home) => inner.Clear(home);

    public void Write(IRenderable renderable) => inner.Write(renderable);

    public bool IsKeyAvailable() => keys.Count > 0;

    public ConsoleKeyInfo? ReadKey(bool intercept) =>
        keys.Count > 0 ? keys.Dequeue() : throw new InvalidOperationException("the script ran out of keys");

    public Task<ConsoleKeyInfo?> ReadKeyAsync(bool intercept, CancellationToken cancellationToken) => Task.FromResult(ReadKey(intercept));
}
