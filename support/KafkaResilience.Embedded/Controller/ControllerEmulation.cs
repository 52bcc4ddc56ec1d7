using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Embedded.Controller;

/// <summary>
/// A stand-in for Kafka's controller, which librdkafka's mock does not have: it owns the replica
/// assignment, the brokers it considers alive, and the group and transaction coordinators, and it moves leadership
/// and coordinators off a broker once that broker has been unreachable for the detection delay
/// (Kafka's <c>broker.session.timeout.ms</c>). A broker that comes back before the delay costs nothing;
/// one that comes back later rejoins without taking leadership back. Decisions are the pure
/// functions of <see cref="LeaderElection"/>; every change is recorded with the injected clock's time and announced
/// to <see cref="Changed"/> by <see cref="AnnounceChanges"/>: the caller calls it once it holds no lock (the
/// emulation's own failover timer does so itself), so a listener never runs under the cluster's locks.
/// </summary>
internal sealed class ControllerEmulation : IDisposable
{
    private readonly object _gate = new();
    private readonly IReadOnlyList<int> _brokerIds;
    private readonly IReadOnlyList<int> _mockBrokerOrder;
    private readonly IControllerActions _actions;
    private readonly TimeProvider _time;
    private readonly TimeSpan _detectionDelay;
    private readonly HashSet<int> _alive;
    private readonly Dictionary<string, PartitionAssignment[]> _topics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _coordinators = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _transactionCoordinators = new(StringComparer.Ordinal);
    private readonly Dictionary<int, ITimer> _pendingFences = new();
    private readonly LeadershipChangeLog _log = new();
    private bool _disposed;

    public ControllerEmulation(
        IReadOnlyList<int> brokerIds,
        IReadOnlyList<int> mockBrokerOrder,
        TimeSpan detectionDelay,
        IControllerActions actions,
        TimeProvider time)
    {
        _brokerIds = brokerIds;
        _mockBrokerOrder = mockBrokerOrder;
        _detectionDelay = detectionDelay;
        _actions = actions;
        _time = time;
        _alive = [.. brokerIds];
    }

    public IReadOnlyList<LeadershipChange> Changes => _log.Changes;

    /// <summary>Raised once per change in <see cref="Changes"/>, in that order, when <see cref="AnnounceChanges"/> runs.</summary>
    public event Action<LeadershipChange>? Changed
    {
        add => _log.Changed += value;
        remove => _log.Changed -= value;
    }

    /// <summary>Announces the changes recorded since the last call; call it with no lock held.</summary>
    public void AnnounceChanges() => _log.Announce();

    /// <summary>Brokers the controller considers alive (not fenced).</summary>
    public IReadOnlySet<int> Alive
    {
        get { lock (_gate) return new HashSet<int>(_alive); }
    }

    /// <summary>True while a lost broker waits out the detection delay.</summary>
    public bool IsFencePending(int brokerId)
    {
        lock (_gate) return _pendingFences.ContainsKey(brokerId);
    }

    public bool HasTopic(string topic)
    {
        lock (_gate) return _topics.ContainsKey(topic);
    }

    /// <summary>Places a new topic's replicas and sets its initial leaders (the first replica of each partition, or the first live one).</summary>
    public void AddTopic(TopicSpec topic)
    {
        lock (_gate)
        {
            if (_topics.ContainsKey(topic.Name)) throw new InvalidOperationException($"Topic {topic.Name} already exists.");
            var placed = ReplicaPlacement.Place(topic, _brokerIds)
                .Select(p => p with { Leader = p.Replicas.Where(_alive.Contains).Select(r => (int?)r).FirstOrDefault() })
                .ToArray();
            foreach (var p in placed)
            {
                // A partition with no live replica keeps the mock's own choice; never set a leader of -1 under clients.
                if (p.Leader is int leader) _actions.SetLeader(p.Topic, p.Partition, leader);
            }
            _topics[topic.Name] = placed;
        }
    }

    public TopicDescription Describe(string topic)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var partitions))
                throw new KeyNotFoundException($"Topic {topic} does not exist. Known topics: {string.Join(", ", _topics.Keys.Order())}.");
            return new TopicDescription(topic, partitions
                .Select(p => new PartitionState(p.Partition, p.Leader, p.Replicas, p.Replicas.Where(_alive.Contains).ToArray()))
                .ToArray());
        }
    }

    public IReadOnlyList<PartitionAssignment> Assignments(string topic)
    {
        lock (_gate) return _topics.TryGetValue(topic, out var p) ? p.ToArray() : [];
    }

    /// <summary>
    /// The coordinator of a group. The first time a group is asked about, the mock's own hashed choice
    /// is pinned explicitly (moved to a live broker if that one is fenced), so that from then on the
    /// controller knows it and can move it when its broker is lost.
    /// </summary>
    public int CoordinatorOf(string groupId)
    {
        lock (_gate)
        {
            if (_coordinators.TryGetValue(groupId, out var known)) return known;
            var hashed = LeaderElection.HashedCoordinator(groupId, _mockBrokerOrder);
            var chosen = _alive.Contains(hashed) ? hashed : LeaderElection.CoordinatorAfterLoss(hashed, _brokerIds, _alive) ?? hashed;
            _actions.SetGroupCoordinator(groupId, chosen);
            _coordinators[groupId] = chosen;
            if (chosen != hashed) Record(groupId, null, hashed, chosen, $"broker {hashed} is fenced");
            return chosen;
        }
    }

    /// <summary>
    /// The coordinator of a transactional.id, pinned and moved as a group's is (<see cref="CoordinatorOf"/>): the mock
    /// hashes it the same way, and without a pin a transactional producer whose coordinator dies never commits again.
    /// </summary>
    public int TransactionCoordinatorOf(string transactionalId)
    {
        lock (_gate)
        {
            if (_transactionCoordinators.TryGetValue(transactionalId, out var known)) return known;
            var hashed = LeaderElection.HashedCoordinator(transactionalId, _mockBrokerOrder);
            var chosen = _alive.Contains(hashed) ? hashed : LeaderElection.CoordinatorAfterLoss(hashed, _brokerIds, _alive) ?? hashed;
            _actions.SetTransactionCoordinator(transactionalId, chosen);
            _transactionCoordinators[transactionalId] = chosen;
            if (chosen != hashed) Record(TransactionKey(transactionalId), null, hashed, chosen, $"broker {hashed} is fenced");
            return chosen;
        }
    }

    /// <summary>The broker stopped answering (killed, paused, isolated): fence it after the detection delay unless it comes back first.</summary>
    public void BrokerUnreachable(int brokerId, string cause)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (!_alive.Contains(brokerId) || _pendingFences.ContainsKey(brokerId)) return;
            if (_detectionDelay <= TimeSpan.Zero)
            {
                Fence(brokerId, $"broker {brokerId} {cause}");
                return;
            }
            var reason = $"broker {brokerId} {cause}, fenced after {_detectionDelay.TotalMilliseconds:0} ms without heartbeat";
            _pendingFences[brokerId] = _time.CreateTimer(_ => FenceWhenDue(brokerId, reason), null, _detectionDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>The broker answers again: a pending fence is cancelled (nothing moves); a fenced broker rejoins without taking leadership back.</summary>
    public void BrokerReachable(int brokerId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_pendingFences.Remove(brokerId, out var timer))
            {
                timer.Dispose();
                return;
            }
            if (_alive.Contains(brokerId)) return;
            _alive.Add(brokerId);
            foreach (var partitions in _topics.Values)
                Apply(partitions, LeaderElection.Rejoin(partitions, brokerId), $"broker {brokerId} rejoined; leaderless partition gets a leader");
        }
    }

    /// <summary>Controlled shutdown: leadership and coordinators leave the broker now, before it goes down.</summary>
    public void ControlledShutdown(int brokerId)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            if (_pendingFences.Remove(brokerId, out var timer)) timer.Dispose();
            if (_alive.Contains(brokerId)) Fence(brokerId, $"controlled shutdown of broker {brokerId}");
        }
    }

    public IReadOnlyList<LeaderMove> ElectPreferredLeaders(string topic)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var partitions))
                throw new KeyNotFoundException($"Topic {topic} does not exist.");
            var moves = LeaderElection.Preferred(partitions, _alive);
            Apply(partitions, moves, "preferred leader election");
            return moves;
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            foreach (var timer in _pendingFences.Values) timer.Dispose();
            _pendingFences.Clear();
        }
    }

    private void FenceWhenDue(int brokerId, string reason)
    {
        lock (_gate)
        {
            // Cancelled (the broker came back) or disposed in the meantime: nothing to do.
            if (_disposed || !_pendingFences.Remove(brokerId, out var timer)) return;
            timer.Dispose();
            Fence(brokerId, reason);
        }
        // The timer thread holds no lock now: the moves it made are announced as they happen.
        AnnounceChanges();
    }

    private void Fence(int brokerId, string reason)
    {
        _alive.Remove(brokerId);
        foreach (var partitions in _topics.Values)
            Apply(partitions, LeaderElection.FailOver(partitions, brokerId, _alive), reason);
        foreach (var (group, coordinator) in _coordinators.ToArray())
        {
            if (coordinator != brokerId) continue;
            if (LeaderElection.CoordinatorAfterLoss(brokerId, _brokerIds, _alive) is not int next) continue;
            _actions.SetGroupCoordinator(group, next);
            _coordinators[group] = next;
            Record(group, null, brokerId, next, reason);
        }
        foreach (var (transactionalId, coordinator) in _transactionCoordinators.ToArray())
        {
            if (coordinator != brokerId) continue;
            if (LeaderElection.CoordinatorAfterLoss(brokerId, _brokerIds, _alive) is not int next) continue;
            _actions.SetTransactionCoordinator(transactionalId, next);
            _transactionCoordinators[transactionalId] = next;
            Record(TransactionKey(transactionalId), null, brokerId, next, reason);
        }
    }

    /// <summary>How a transaction coordinator's change is named among the group coordinators' (a group may not contain a space).</summary>
    private static string TransactionKey(string transactionalId) => "transactional.id " + transactionalId;

    private void Apply(PartitionAssignment[] partitions, IReadOnlyList<LeaderMove> moves, string reason)
    {
        foreach (var move in moves)
        {
            // The mock keeps a leaderless partition on its old broker: never set -1 while clients are connected.
            if (move.To is int to) _actions.SetLeader(move.Topic, move.Partition, to);
            partitions[move.Partition] = partitions[move.Partition] with { Leader = move.To };
            Record(move.Topic, move.Partition, move.From, move.To, reason);
        }
    }

    private void Record(string topicOrGroup, int? partition, int? from, int? to, string cause) =>
        _log.Record(new LeadershipChange(_time.GetUtcNow(), topicOrGroup, partition, from, to, cause));

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);
}
