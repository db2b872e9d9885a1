namespace Throughline.Web.Api;

/// <summary>
/// How many Monte Carlo forecasts may run at once. Before these limits any viewer could ask for forecasts in parallel
/// until the CPU was theirs: eight 20,000-iteration forecasts took 6-12 s each and <c>/overview</c> 4.7 s meanwhile
/// (#14). A forecast is computed once per revision and parameters (then it comes from the cache, and counts against
/// nothing); while computing, it counts against its program and its caller, and one over either limit is answered 429
/// with Retry-After. Settings: <c>Forecast:MaxIterations</c> (10,000), <c>Forecast:MaxConcurrentPerProgram</c> (2),
/// <c>Forecast:MaxConcurrentPerUser</c> (1).
/// </summary>
public sealed class ForecastRuns(int maxIterations, int perProgram, int perUser)
{
    /// <summary>Seconds a refused caller is asked to wait: about what a forecast at the iteration cap takes on one core.</summary>
    public const int RetryAfterSeconds = 2;

    private readonly Lock gate = new();
    private readonly Dictionary<long, int> byProgram = [];
    private readonly Dictionary<long, int> byUser = [];
    private int running;

    /// <summary>The most iterations one request may ask for.</summary>
    public int MaxIterations { get; } = maxIterations;

    public int PerProgram { get; } = perProgram;

    public int PerUser { get; } = perUser;

    /// <summary>Forecasts computing now.</summary>
    public int Running => Volatile.Read(ref running);

    public static ForecastRuns From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return new ForecastRuns(
            configuration.GetValue("Forecast:MaxIterations", 10_000),
            configuration.GetValue("Forecast:MaxConcurrentPerProgram", 2),
            configuration.GetValue("Forecast:MaxConcurrentPerUser", 1));
    }

    /// <summary>A turn to compute a forecast of <paramref name="programId"/> for <paramref name="userId"/>, or null when either already has its limit running.</summary>
    public Turn? TryStart(long programId, long userId)
    {
        lock (gate)
        {
            if (byProgram.GetValueOrDefault(programId) >= PerProgram || byUser.GetValueOrDefault(userId) >= PerUser)
            {
                return null;
            }

            byProgram[programId] = byProgram.GetValueOrDefault(programId) + 1;
            byUser[userId] = byUser.GetValueOrDefault(userId) + 1;
            running++;
            return new Turn(this, programId, userId);
        }
    }

    private void End(long programId, long userId)
    {
        lock (gate)
        {
            Decrement(byProgram, programId);
            Decrement(byUser, userId);
            running--;
        }
    }

    private static void Decrement(Dictionary<long, int> counts, long key)
    {
        if (--counts[key] == 0)
        {
            counts.Remove(key);
        }
    }

    /// <summary>One running forecast; disposing it ends its turn.</summary>
    /// <summary>A 400 naming <c>iterations</c> when it is outside 100..<see cref="MaxIterations"/>; null when it is fine or not given.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult? CheckIterations(int? iterations) =>
        iterations < 100 || iterations > MaxIterations
            ? Problems.Invalid(new Dictionary<string, string[]> { ["iterations"] = [$"between 100 and {MaxIterations}"] })
            : null;

    /// <summary>The 429 for a caller over a limit, with its Retry-After.</summary>
    public Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Busy(Microsoft.AspNetCore.Http.HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        http.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return Problems.TooManyRequests($"forecasts of this program or by you are already running (at most {PerProgram} per program, {PerUser} per user); try again in {RetryAfterSeconds} s");
    }

    public sealed class Turn(ForecastRuns runs, long programId, long userId) : IDisposable
    {
        private int ended;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref ended, 1) == 0)
            {
                runs.End(programId, userId);
            }
        }
    }
}
