using System.Globalization;

namespace Throughline.Domain.Roles;

/// <summary>
/// Maps self-check answers to product manager, engineering manager and TPM patterns, with a rule simple enough to
/// check by hand:
/// <list type="bullet">
/// <item>a statement rated r (1 to 5) gives each role it names weight x (r - 1) / 4 points: 1 gives nothing, 5 the full weight;</item>
/// <item>an activity done gives each role it names weight x <see cref="DonePoints"/>; one that gave energy, weight x <see cref="EnergisingPoints"/>;</item>
/// <item>a role's share is its points over the points of all three.</item>
/// </list>
/// Energy counts double: the self-check asks what someone wants more of, not only what they have done.
/// </summary>
public static class SelfCheckScorer
{
    public const double DonePoints = 0.5;

    public const double EnergisingPoints = 1;

    public static RoleProfile Score(SelfCheckLexicon lexicon, SelfCheckAnswers answers)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(answers);
        var evidence = new List<SelfCheckEvidence>();
        foreach (var statement in lexicon.Statements)
        {
            if (!answers.Ratings.TryGetValue(statement.Id, out var rating))
            {
                continue;
            }

            if (rating is < 1 or > 5)
            {
                throw new ArgumentOutOfRangeException(nameof(answers), rating, $"rating of '{statement.Id}' must be 1 to 5");
            }

            foreach (var (role, weight) in statement.Weights)
            {
                var points = weight * (rating - 1) / 4.0;
                if (points > 0)
                {
                    evidence.Add(new(role, points, $"\"{statement.Text}\"", $"rated {rating.ToString(CultureInfo.InvariantCulture)}/5 x weight {N(weight)}"));
                }
            }
        }

        var unrecognised = new List<string>();
        foreach (var answer in answers.Activities)
        {
            var (activity, keyword) = Match(lexicon, answer.Text);
            if (activity is null)
            {
                unrecognised.Add(answer.Text);
                continue;
            }

            var factor = answer.Energising ? EnergisingPoints : DonePoints;
            // Named by id, the lexicon's own words are the evidence; in free text, the person's words and the keyword that matched.
            var source = keyword is null ? $"\"{activity.Text}\"" : $"\"{answer.Text}\"";
            var how = keyword is null ? string.Empty : $"{activity.Text} (matched '{keyword}'): ";
            foreach (var (role, weight) in activity.Weights)
            {
                evidence.Add(new(role, weight * factor, source, $"{how}{(answer.Energising ? "energising" : "done")}, weight {N(weight)} x {N(factor)}"));
            }
        }

        var total = evidence.Sum(e => e.Points);
        var scores = Responsibilities.OwningRoles.Select(role =>
        {
            var points = evidence.Where(e => e.Role == role).Sum(e => e.Points);
            return new RoleScore(role, points, total <= 0 ? 0 : 100 * points / total);
        }).ToList();
        var ordered = evidence
            .OrderBy(e => e.Role)   // PM, EM, TPM: the enum order
            .ThenByDescending(e => e.Points)
            .ToList();
        return new RoleProfile(scores, ordered, unrecognised);
    }

    /// <summary>
    /// The lexicon entry an activity names: by id first, else the entry with the most keywords found in the text
    /// (ties to the entry listed first). Returns the first keyword that matched, for the evidence.
    /// </summary>
    public static (LexiconActivity? Activity, string? Keyword) Match(SelfCheckLexicon lexicon, string text)
    {
        ArgumentNullException.ThrowIfNull(lexicon);
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (lexicon.Activities.FirstOrDefault(a => string.Equals(a.Id, trimmed, StringComparison.OrdinalIgnoreCase)) is { } byId)
        {
            return (byId, null);
        }

        LexiconActivity? best = null;
        string? bestKeyword = null;
        var bestHits = 0;
        foreach (var activity in lexicon.Activities)
        {
            var hits = activity.Keywords.Where(k => trimmed.Contains(k, StringComparison.OrdinalIgnoreCase)).ToList();
            if (hits.Count > bestHits)
            {
                (best, bestKeyword, bestHits) = (activity, hits[0], hits.Count);
            }
        }

        return (best, bestKeyword);
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
