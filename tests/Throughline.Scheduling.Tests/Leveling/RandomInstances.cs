using Throughline.Scheduling.Leveling;

namespace Throughline.Scheduling.Tests.Leveling;

/// <summary>Random acyclic instances: links only from lower to higher job numbers, demands within capacity.</summary>
internal static class RandomInstances
{
    public static RcpspInstance Create(int seed, int jobs, int resources, bool generalLags = false, bool profiles = false)
    {
        var random = new Random(seed);
        var durations = Enumerable.Range(0, jobs).Select(_ => random.Next(0, 8)).ToArray();
        var capacities = Enumerable.Range(0, resources).Select(_ => random.Next(1, 8)).ToArray();
        var demands = new int[jobs * resources];
        for (var j = 0; j < jobs; j++)
        {
            for (var r = 0; r < resources; r++)
            {
                demands[(j * resources) + r] = random.NextDouble() < 0.5 ? random.Next(0, capacities[r] + 1) : 0;
            }
        }

        var links = new List<(int, int, int)>();
        for (var j = 1; j < jobs; j++)
        {
            var count = random.Next(0, 3);
            for (var k = 0; k < count; k++)
            {
                var p = random.Next(0, j);
                var lag = generalLags ? durations[p] + random.Next(-2, 3) : durations[p];
                links.Add((p, j, lag));
            }
        }

        int[][]? profileArrays = null;
        if (profiles)
        {
            profileArrays = capacities.Select(c => Enumerable.Range(0, 20).Select(_ => random.Next(0, c + 1)).ToArray()).ToArray();
        }

        return new RcpspInstance($"random-{seed}", durations, capacities, demands, links, profileArrays);
    }
}
