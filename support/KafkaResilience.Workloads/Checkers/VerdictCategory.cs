namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What kind of product defect a failed expectation is, beside the <see cref="Verdict"/> it qualifies. The scenario's
/// judge picks it when it fails a step; the report files the failure under it (its Allure category), by value, never by
/// reading the message.
/// </summary>
public enum VerdictCategory
{
    /// <summary>Acknowledged by the cluster but never read.</summary>
    MessagesLost,

    /// <summary>A send that failed or whose outcome is unknown where every send should be acknowledged.</summary>
    SendsNotAcknowledged,

    /// <summary>Written or delivered more than once where the settings promise once.</summary>
    MessagesDuplicated,

    /// <summary>Read out of send order within a partition.</summary>
    MessagesReordered,

    /// <summary>A read_committed consumer read a message of an aborted transaction (Jepsen's G1a).</summary>
    AbortedRead,

    /// <summary>A read_committed consumer saw a committed (or unknown) transaction in part, not whole or not at all.</summary>
    TransactionReadInPart,

    /// <summary>A producer replaced by another with its transactional.id was not fenced (or one of its commits still went through).</summary>
    ProducerNotFenced,

    /// <summary>A measured rate under the scenario's floor.</summary>
    ThroughputBelowFloor,

    /// <summary>A measured rate (or ratio of rates) over the scenario's ceiling.</summary>
    ThroughputAboveCeiling,

    /// <summary>A latency measure over the scenario's ceiling.</summary>
    LatencyAboveCeiling,

    /// <summary>A latency measure under the scenario's floor (e.g. a fault that should show in the latency did not).</summary>
    LatencyBelowFloor,

    /// <summary>The producers made no progress for longer than the scenario allows.</summary>
    ProducerStalled,

    /// <summary>The consumers made no progress for longer than the scenario allows.</summary>
    ConsumerStalled,

    /// <summary>The consumers did not read what was written within the scenario's deadline.</summary>
    ConsumersFellBehind,

    /// <summary>A consumer received nothing, or the number of idle consumers is not the expected one.</summary>
    ConsumersIdle,

    /// <summary>Brokers, leaders or producers did not get back to work within the scenario's bound.</summary>
    ClusterNotRecovered,

    /// <summary>Partition leadership is not where the scenario expects it (moved back, or moved at all).</summary>
    LeadershipNotAsExpected,

    /// <summary>A count the scenario states exactly came out lower than stated (fewer anomalies than expected).</summary>
    CountNotAsExpected,

    /// <summary>A checker could not decide (it crashed or lacked data): never read as valid.</summary>
    VerdictUnknown,
}
