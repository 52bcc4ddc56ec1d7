using KafkaResilience.Cluster;

namespace KafkaResilience.Cluster.Admin;

/// <summary>
/// Records leadership and coordinator changes of a real cluster as they are observed (the docker
/// and external targets poll the Admin API; Kafka moves leaders by itself, so the target can only
/// see changes, not make them). The first observation of a partition is a baseline, not a change. Each change is
/// announced to <see cref="Changed"/> once, right after the observation that found it, with no lock held.
/// Thread-safe; <see cref="Diff"/> is the pure rule.
/// </summary>
public sealed class LeadershipTracker
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Topic, int Partition), int?> _leaders = [];
    private readonly Dictionary<string, int> _coordinators = new(StringComparer.Ordinal);
    private readonly LeadershipChangeLog _log = new();

    /// <summary>Raised once per change observed, in the order of <see cref="Changes"/>; a listener that throws is ignored.</summary>
    public event Action<LeadershipChange>? Changed
    {
        add => _log.Changed += value;
        remove => _log.Changed -= value;
    }

    /// <summary>Every change seen so far, in the order observed.</summary>
    public IReadOnlyList<LeadershipChange> Changes => _log.Changes;

    /// <summary>The leader changes between two descriptions of the same topic (partitions only in <paramref name="current"/> are baselines).</summary>
    public static IReadOnlyList<LeadershipChange> Diff(TopicDescription previous, TopicDescription current, DateTimeOffset at, string cause)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        var before = previous.Partitions.ToDictionary(p => p.Partition, p => p.Leader);
        return current.Partitions
            .Where(p => before.TryGetValue(p.Partition, out var old) && old != p.Leader)
            .Select(p => new LeadershipChange(at, current.Name, p.Partition, before[p.Partition], p.Leader, cause))
            .ToArray();
    }

    /// <summary>Compares with the last observation of each partition and records what moved.</summary>
    public IReadOnlyList<LeadershipChange> Observe(TopicDescription description, DateTimeOffset at, string cause)
    {
        ArgumentNullException.ThrowIfNull(description);
        var found = new List<LeadershipChange>();
        lock (_gate)
        {
            foreach (var partition in description.Partitions)
            {
                var key = (description.Name, partition.Partition);
                if (_leaders.TryGetValue(key, out var old) && old != partition.Leader)
                    found.Add(new LeadershipChange(at, description.Name, partition.Partition, old, partition.Leader, cause));
                _leaders[key] = partition.Leader;
            }
            foreach (var change in found)
                _log.Record(change);
        }
        _log.Announce();
        return found;
    }

    /// <summary>Records a coordinator move of a group when it differs from the last one seen.</summary>
    public LeadershipChange? ObserveCoordinator(string groupId, int coordinator, DateTimeOffset at, string cause)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        LeadershipChange? change = null;
        lock (_gate)
        {
            if (_coordinators.TryGetValue(groupId, out var old) && old != coordinator)
            {
                change = new LeadershipChange(at, groupId, null, old, coordinator, cause);
                _log.Record(change);
            }
            _coordinators[groupId] = coordinator;
        }
        _log.Announce();
        return change;
    }

    /// <summary>Topics observed so far (the ones the poller keeps watching).</summary>
    public IReadOnlyList<string> Topics
    {
        get
        {
            lock (_gate)
                return _leaders.Keys.Select(k => k.Topic).Distinct(StringComparer.Ordinal).ToArray();
        }
    }
}
