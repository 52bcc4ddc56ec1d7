using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Zombie fencing: once a new producer instance took a transactional.id (its InitTransactions returned), every older
/// instance of that id is fenced, so none of their commits asked for after that moment may succeed (a zombie commit:
/// writes of a producer that should be dead become visible). Counts the fencings the old instances were told of;
/// with an expected count, a different one fails. Judges every transactional.id, or the one named.
/// </summary>
public sealed class FencingChecker : IChecker
{
    public const string CheckerName = "fencing";
    private readonly int? _expected;
    private readonly string? _transactionalId;
    private readonly int _exampleLimit;

    public FencingChecker(int? expected = null, string? transactionalId = null, int exampleLimit = 10)
    {
        if (expected is < 0) throw new ArgumentOutOfRangeException(nameof(expected), expected, "A fencing count is 0 or more.");
        _expected = expected;
        _transactionalId = transactionalId;
        _exampleLimit = exampleLimit;
    }

    public int? Expected => _expected;
    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var transactions = history.Transactions;
        bool Judged(string id) => _transactionalId is null || _transactionalId == id;
        var sessions = transactions.Sessions.Where(s => Judged(s.TransactionalId)).ToList();
        var fencings = transactions.Fencings.Where(f => Judged(f.TransactionalId)).ToList();
        var examples = fencings.Take(_exampleLimit).Select(f => $"p{f.Producer} ({f.Name}) fenced on {f.TransactionalId} at +{f.At.TotalSeconds:0.000} s: {f.Error}").ToList();
        long zombieCommits = 0, takeovers = 0;
        var zombies = new List<string>();
        foreach (var id in sessions.Select(s => s.TransactionalId).Distinct())
        {
            var ofId = sessions.Where(s => s.TransactionalId == id).OrderBy(s => s.InitializedAt).ToList();
            for (var k = 1; k < ofId.Count; k++)
            {
                takeovers++;
                var successor = ofId[k];
                foreach (var old in ofId.Take(k).Where(o => o.Producer != successor.Producer))
                {
                    foreach (var t in transactions.Transactions.Where(t => t.Producer == old.Producer && t.Outcome == TransactionOutcome.Committed && t.CommitCalledAt > successor.InitializedAt))
                    {
                        zombieCommits++;
                        if (zombies.Count < _exampleLimit)
                            zombies.Add($"{t.Label} of p{old.Producer} ({old.Name}): commit asked for at +{t.CommitCalledAt!.Value.TotalSeconds:0.000} s, " +
                                        $"after p{successor.Producer} ({successor.Name}) took {id} at +{successor.InitializedAt.TotalSeconds:0.000} s, and it committed");
                    }
                }
            }
        }
        var numbers = new Dictionary<string, double>
        {
            ["sessions"] = sessions.Count,
            ["takeovers"] = takeovers,
            ["fenced"] = fencings.Count,
            ["zombie-commits"] = zombieCommits,
        };
        if (_expected is { } expected) numbers["expected"] = expected;
        var detail = $"fenced {fencings.Count} time(s) in {takeovers} takeover(s) of a transactional.id; {zombieCommits:N0} commits of a fenced producer succeeded";
        if (zombieCommits > 0) return Verdict.Invalid(Name, $"{detail}; first: {zombies[0]}", numbers, [.. zombies, .. examples]);
        if (_expected is { } n && fencings.Count != n) return Verdict.Invalid(Name, $"{detail} (expected {n})", numbers, examples);
        if (takeovers == 0 && _expected is not 0) return Verdict.Unknown(Name, $"no producer took a transactional.id another held: fencing was not exercised; {detail}", numbers, examples);
        return Verdict.Valid(Name, detail, numbers, examples);
    }
}
