namespace KafkaResilience.Embedded.Controller;

/// <summary>
/// The decisions of the controller emulation as pure functions of the current assignments and of
/// the brokers the controller considers alive (registered and not fenced). Kafka's rules, simplified:
/// a partition whose leader is lost goes to the first live replica in assignment order; a partition
/// without a live replica has no leader until one of its replicas comes back; a returning broker
/// takes back nothing unless a preferred-leader election is asked for.
/// </summary>
public static class LeaderElection
{
    /// <summary>Moves for every partition led by <paramref name="lost"/>, now that it is no longer alive.</summary>
    public static IReadOnlyList<LeaderMove> FailOver(IEnumerable<PartitionAssignment> partitions, int lost, IReadOnlySet<int> alive)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(alive);
        return partitions
            .Where(p => p.Leader == lost)
            .Select(p => new LeaderMove(p.Topic, p.Partition, lost, FirstAlive(p.Replicas, alive, except: lost)))
            .ToArray();
    }

    /// <summary>Moves for leaderless partitions that <paramref name="rejoined"/> can lead again.</summary>
    public static IReadOnlyList<LeaderMove> Rejoin(IEnumerable<PartitionAssignment> partitions, int rejoined)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        return partitions
            .Where(p => p.Leader is null && p.Replicas.Contains(rejoined))
            .Select(p => new LeaderMove(p.Topic, p.Partition, null, rejoined))
            .ToArray();
    }

    /// <summary>Moves that put each partition back on its preferred replica, where that replica is alive.</summary>
    public static IReadOnlyList<LeaderMove> Preferred(IEnumerable<PartitionAssignment> partitions, IReadOnlySet<int> alive)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        ArgumentNullException.ThrowIfNull(alive);
        return partitions
            .Where(p => p.Leader != p.PreferredLeader && alive.Contains(p.PreferredLeader))
            .Select(p => new LeaderMove(p.Topic, p.Partition, p.Leader, p.PreferredLeader))
            .ToArray();
    }

    /// <summary>
    /// Where a group coordinator goes when its broker is lost: the next live broker after it in the
    /// cluster's broker order (wrapping), or null when none is alive (the coordinator then stays put:
    /// the mock must never be pointed at a broker that does not exist).
    /// </summary>
    public static int? CoordinatorAfterLoss(int lost, IReadOnlyList<int> brokerIds, IReadOnlySet<int> alive)
    {
        ArgumentNullException.ThrowIfNull(brokerIds);
        ArgumentNullException.ThrowIfNull(alive);
        var start = Math.Max(0, IndexOf(brokerIds, lost));
        for (var k = 1; k <= brokerIds.Count; k++)
        {
            var candidate = brokerIds[(start + k) % brokerIds.Count];
            if (candidate != lost && alive.Contains(candidate)) return candidate;
        }
        return null;
    }

    /// <summary>
    /// The coordinator the mock picks for a key it was never told about: CRC-32 of the key modulo the
    /// broker count, indexing the mock's broker list (rdkafka_mock.c, rd_kafka_mock_cluster_get_coord).
    /// </summary>
    public static int HashedCoordinator(string key, IReadOnlyList<int> mockBrokerOrder)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(mockBrokerOrder);
        var hash = Crc32.Compute(System.Text.Encoding.UTF8.GetBytes(key));
        return mockBrokerOrder[(int)(hash % (uint)mockBrokerOrder.Count)];
    }

    private static int? FirstAlive(IReadOnlyList<int> replicas, IReadOnlySet<int> alive, int except)
    {
        foreach (var r in replicas)
        {
            if (r != except && alive.Contains(r)) return r;
        }
        return null;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value) return i;
        }
        return -1;
    }
}
