namespace Throughline.Domain.Roles;

/// <summary>
/// The role self-check's content: statements to rate 1-5 and a lexicon of activities, each mapped to the roles it
/// points to with a weight. It is data (see <c>role-self-check.yaml</c>), so that it can be edited without code.
/// </summary>
public sealed record SelfCheckLexicon(IReadOnlyList<SelfCheckStatement> Statements, IReadOnlyList<LexiconActivity> Activities);

/// <summary>A statement about what energises someone ("How do I grow these engineers?"), with a weight per role.</summary>
public sealed record SelfCheckStatement(string Id, string Text, IReadOnlyDictionary<FunctionalRole, double> Weights);

/// <summary>
/// An activity someone may have done ("wrote a PRD"), recognised in free text by any of its <see cref="Keywords"/>
/// (case-insensitive substrings) or by its id, with a weight per role.
/// </summary>
public sealed record LexiconActivity(string Id, string Text, IReadOnlyList<string> Keywords, IReadOnlyDictionary<FunctionalRole, double> Weights);

/// <summary>One person's answers: a rating from 1 to 5 per statement id, and the activities of the last 12-24 months.</summary>
public sealed record SelfCheckAnswers(IReadOnlyDictionary<string, int> Ratings, IReadOnlyList<ActivityAnswer> Activities)
{
    public string? Name { get; init; }
}

/// <summary>An activity as the person wrote it (a lexicon id or free text), and whether it gave them energy.</summary>
public sealed record ActivityAnswer(string Text, bool Energising);

/// <summary>One role's result: its points, and its share of all points in percent.</summary>
public sealed record RoleScore(FunctionalRole Role, double Points, double Share);

/// <summary>One contribution to a role's score, with where it came from, so that no score is a black box.</summary>
public sealed record SelfCheckEvidence(FunctionalRole Role, double Points, string Source, string Why);

/// <summary>The self-check's result: the distribution over the three roles, the evidence behind it, and what was not recognised.</summary>
public sealed record RoleProfile(IReadOnlyList<RoleScore> Scores, IReadOnlyList<SelfCheckEvidence> Evidence, IReadOnlyList<string> UnrecognisedActivities)
{
    /// <summary>The role with the largest share; ties go to the order PM, EM, TPM. Null when nothing scored.</summary>
    public FunctionalRole? Strongest => Scores.Where(s => s.Points > 0).OrderByDescending(s => s.Points).Select(s => (FunctionalRole?)s.Role).FirstOrDefault();
}
