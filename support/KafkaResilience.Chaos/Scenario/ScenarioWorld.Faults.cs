using KafkaResilience.Chaos.Faults;
using KafkaResilience.Cluster.Waiting;

namespace KafkaResilience.Chaos.Scenario;

public sealed partial class ScenarioWorld
{
    /// <summary>Injects a fault now (its symbolic target resolved now); skips when the target cannot do it.</summary>
    public Task InjectAsync(IFault fault) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(Cluster, fault.Requires);
        await RememberLeadersAsync().ConfigureAwait(false);
        await Nemesis.InjectAsync(fault, Token).ConfigureAwait(false);
        Say($"Fault injected: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Injects a fault, keeps it for <paramref name="duration"/>, heals it.</summary>
    public Task InjectForAsync(IFault fault, TimeSpan duration) => GuardAsync(async () =>
    {
        ArgumentNullException.ThrowIfNull(fault);
        FaultRequirements.Check(Cluster, fault.Requires);
        await RememberLeadersAsync().ConfigureAwait(false);
        Say($"Fault for {duration.TotalSeconds:0.###} s: {fault.Description}");
        await Nemesis.InjectForAsync(fault, duration, Token).ConfigureAwait(false);
        Say($"Fault healed: {fault.Description}{Resolved(fault)}");
    });

    /// <summary>Starts a broker that a fault took down (healing that fault), or starts it directly.</summary>
    public async Task StartBrokerAgainAsync(int brokerId)
    {
        if (!await Nemesis.HealBrokerAsync(brokerId, Token).ConfigureAwait(false))
        {
            await Cluster.StartAsync(brokerId, Token).ConfigureAwait(false);
            _timeline.Note($"broker {brokerId} started");
        }
        Say($"Broker {brokerId} started again");
    }

    /// <summary>Waits until the broker serves clients again (listed in the metadata).</summary>
    public async Task WaitUntilServingAsync(int brokerId, TimeSpan timeout)
    {
        try
        {
            await ConditionWait.UntilAsync(ct => _probe!.IsServingAsync(brokerId, ct), timeout,
                () => $"broker {brokerId} is not listed in the cluster metadata", Token, TimeSpan.FromMilliseconds(100)).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new ScenarioVerdictException($"cluster did not recover: {e.Message}", e);
        }
        Say($"Broker {brokerId} is back in the cluster (metadata lists {string.Join(", ", _probe!.ServingBrokers())})");
    }

    /// <summary>Checks, before anything happens, that a broker leads a partition of the topic (so "the partitions it led" is not empty).</summary>
    public async Task RequireLeadsAsync(int brokerId, string topic)
    {
        var leaders = await LeadersAsync(topic).ConfigureAwait(false);
        var led = leaders.Where(l => l.Value == brokerId).Select(l => l.Key).ToList();
        if (led.Count == 0)
            throw new InvalidOperationException($"Broker {brokerId} leads no partition of \"{topic}\" (leaders: {Describe(leaders)}); the scenario's premise does not hold.");
        lock (_leadersBeforeFaults) _leadersBeforeFaults.TryAdd(topic, leaders);
        Say($"Broker {brokerId} leads partition(s) {string.Join(", ", led)} of \"{topic}\" (leaders: {Describe(leaders)})");
    }

    /// <summary>Every partition the broker led before the first fault now has a leader among <paramref name="allowed"/>.</summary>
    public async Task AssertNewLeadersAsync(string topic, int lostBroker, IReadOnlyList<int> allowed)
    {
        IReadOnlyDictionary<int, int?>? before;
        lock (_leadersBeforeFaults) _leadersBeforeFaults.TryGetValue(topic, out before);
        var now = await LeadersAsync(topic).ConfigureAwait(false);
        before ??= now;
        var led = before.Where(l => l.Value == lostBroker).Select(l => l.Key).ToList();
        _timeline.Absorb(Cluster.LeadershipChanges);
        if (led.Count == 0)
            throw new ScenarioVerdictException($"cluster did not recover: broker {lostBroker} led no partition of \"{topic}\" before the fault, so no leader could move (leaders: {Describe(before)})");
        var wrong = led.Where(p => now[p] is not { } l || l == lostBroker || !allowed.Contains(l)).ToList();
        var moves = string.Join("; ", led.Select(p => $"partition {p}: {before[p]} -> {now[p]?.ToString() ?? "none"}"));
        Say($"Leaders of \"{topic}\" that broker {lostBroker} had: {moves}");
        if (wrong.Count > 0)
            throw new ScenarioVerdictException($"cluster did not recover: leader moved: not for partition(s) {string.Join(", ", wrong)} of \"{topic}\" ({moves}); expected a leader among brokers {string.Join(", ", allowed)}");
    }

    /// <summary>No partition of the topic is led by the broker now.</summary>
    public async Task AssertNotLedByAsync(string topic, int brokerId)
    {
        var now = await LeadersAsync(topic).ConfigureAwait(false);
        var led = now.Where(l => l.Value == brokerId).Select(l => l.Key).ToList();
        Say($"Leaders of \"{topic}\" now: {Describe(now)}");
        if (led.Count > 0)
            throw new ScenarioVerdictException($"cluster did not recover: broker {brokerId} leads partition(s) {string.Join(", ", led)} of \"{topic}\" again ({Describe(now)})");
    }

    /// <summary>The cluster recorded no leadership change of the topic during the scenario.</summary>
    public void AssertNoLeaderChange(string topic)
    {
        var changes = Cluster.LeadershipChanges.Where(c => c.Partition is not null && c.Topic == topic).ToList();
        _timeline.Absorb(Cluster.LeadershipChanges);
        Say(changes.Count == 0 ? $"No leader of \"{topic}\" changed" : $"Leader changes of \"{topic}\": {string.Join("; ", changes)}");
        if (changes.Count > 0)
            throw new ScenarioVerdictException($"cluster did not recover: {changes.Count} leader change(s) on \"{topic}\" where none was expected: {string.Join("; ", changes)}");
    }

    private async Task RememberLeadersAsync()
    {
        List<string> topics;
        lock (_topics) topics = [.. _topics.Select(t => t.Name)];
        foreach (var topic in topics)
        {
            bool known;
            lock (_leadersBeforeFaults) known = _leadersBeforeFaults.ContainsKey(topic);
            if (known) continue;
            var leaders = await LeadersAsync(topic).ConfigureAwait(false);
            lock (_leadersBeforeFaults) _leadersBeforeFaults.TryAdd(topic, leaders);
        }
    }

    private async Task<IReadOnlyDictionary<int, int?>> LeadersAsync(string topic)
    {
        var description = await Cluster.DescribeTopicAsync(topic, Token).ConfigureAwait(false);
        return description.Partitions.ToDictionary(p => p.Partition, p => p.Leader);
    }

    private static string Describe(IReadOnlyDictionary<int, int?> leaders) =>
        string.Join(", ", leaders.OrderBy(l => l.Key).Select(l => $"{l.Key}->{l.Value?.ToString() ?? "none"}"));

    private static string Resolved(IFault fault) =>
        fault.ResolvedBrokers.Count == 0 ? "" : $" (broker {string.Join(", ", fault.ResolvedBrokers)})";
}
