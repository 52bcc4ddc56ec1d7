using System.Text.Json;
using System.Text.Json.Serialization;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Runs checkers over one history: a checker whose evidence the history does not hold (<see cref="IChecker.Needs"/>)
/// is NotJudged with the reason, never run; a checker that throws yields Unknown (never Valid) with the exception in its
/// summary; the overall validity combines Invalid over Unknown over NotJudged over Valid.
/// </summary>
public sealed record CheckerRun(Validity Validity, IReadOnlyList<Verdict> Verdicts)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static CheckerRun Of(HistorySnapshot history, IEnumerable<IChecker> checkers)
    {
        ArgumentNullException.ThrowIfNull(history);
        ArgumentNullException.ThrowIfNull(checkers);
        var verdicts = new List<Verdict>();
        foreach (var checker in checkers)
        {
            try
            {
                var missing = checker.Needs.Select(n => n.MissingIn(history)).FirstOrDefault(m => m is not null);
                verdicts.Add(missing is not null ? Verdict.NotJudged(checker.Name, missing) : checker.Check(history));
            }
            catch (Exception e)
            {
                verdicts.Add(Verdict.Unknown(checker.Name, $"checker crashed: {e.GetType().Name}: {e.Message}"));
            }
        }
        return new CheckerRun(Verdict.Combine(verdicts), verdicts);
    }

    public static CheckerRun Of(HistorySnapshot history, params IChecker[] checkers) => Of(history, (IEnumerable<IChecker>)checkers);

    /// <summary>The verdict of the checker named <paramref name="checker"/>.</summary>
    public Verdict this[string checker] => Verdicts.FirstOrDefault(v => v.Checker == checker)
        ?? throw new KeyNotFoundException($"No verdict from a checker named '{checker}'. Present: {string.Join(", ", Verdicts.Select(v => v.Checker))}.");

    /// <summary>The verdicts as indented JSON (the report attachment).</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public override string ToString() => $"{Validity}\n" + string.Join("\n", Verdicts.Select(v => "  " + v));
}
