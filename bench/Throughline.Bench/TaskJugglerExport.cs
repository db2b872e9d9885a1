using System.Globalization;
using System.Text;

namespace Throughline.Bench;

/// <summary>
/// Writes a TaskJuggler project shaped like <see cref="NetworkGenerator.Layered"/> (same seed, same layering, finish-to-start
/// links only, since TaskJuggler's "depends" is finish-to-start with gaps) to compare scheduling times. No resources:
/// tasks have a duration in working time.
/// </summary>
internal static class TaskJugglerExport
{
    public static void Write(int tasks, string path)
    {
        var random = new Random(42);
        var width = Math.Max(10, tasks / 200);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"project bench \"Bench\" 2025-01-06 +15y {{ timezone \"UTC\" }}");
        for (var t = 0; t < tasks; t++)
        {
            var hours = random.Next(1, 11) * 4;
            text.AppendLine(CultureInfo.InvariantCulture, $"task t{t} \"t{t}\" {{");
            text.AppendLine(CultureInfo.InvariantCulture, $"  length {hours}h");
            var layer = t / width;
            if (layer > 0)
            {
                var low = Math.Max(0, (layer - 3) * width);
                var high = layer * width;
                var deps = new SortedSet<int>();
                for (var k = 0; k < 3; k++)
                {
                    deps.Add(random.Next(low, high));
                    _ = random.Next(10);
                    var lagRoll = random.Next(10);
                    _ = lagRoll switch
                    {
                        < 6 => 0,
                        < 8 => random.Next(-240, 960),
                        8 => random.Next(0, 2880),
                        _ => random.Next(0, 100),
                    };
                }

                text.AppendLine(CultureInfo.InvariantCulture, $"  depends {string.Join(", ", deps.Select(d => "t" + d.ToString(CultureInfo.InvariantCulture)))}");
            }

            text.AppendLine("}");
        }

        text.AppendLine("taskreport \"bench\" { formats csv columns id, start, end }");
        File.WriteAllText(path, text.ToString());
    }
}
