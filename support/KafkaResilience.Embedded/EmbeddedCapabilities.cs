using KafkaResilience.Cluster;

namespace KafkaResilience.Embedded;

/// <summary>
/// What librdkafka's mock cluster cannot model, each with the sentence a skipped scenario shows.
/// Every entry was read in the mock's source (rdkafka_mock.c, rdkafka_mock_handlers.c) or measured;
/// the README lists the same limits. The transaction entries are measured with real clients on every
/// test run (EmbeddedCluster_Transactions).
/// </summary>
public static class EmbeddedCapabilities
{
    public static string ReasonFor(Capability capability) => Missing(faultProxy: true).WhyNot(capability)
        ?? throw new ArgumentException($"The embedded cluster models {capability}.", nameof(capability));

    /// <summary>The capability list of an embedded cluster, with or without fault proxies in front of the brokers.</summary>
    public static ClusterCapabilities Missing(bool faultProxy)
    {
        var missing = new Dictionary<Capability, string>
        {
            [Capability.AcksSemantics] =
                "the embedded mock cluster ignores acks: every produce is answered after the single in-memory append, so acks=0/1/all wait for the same thing",
            [Capability.Replication] =
                "the embedded mock cluster keeps one copy of each partition: there are no followers, no ISR shrink or expand, and min.insync.replicas is never enforced",
            [Capability.UncleanElectionLoss] =
                "the embedded mock cluster's replicas cannot diverge (one shared log per partition), so an unclean leader election cannot lose acknowledged data there",
            [Capability.UnboundedRetention] =
                "the embedded mock cluster keeps only the newest ~5 MiB or 100,000 record batches per partition and drops older ones, so consumers must read while producers write",
            [Capability.IdempotentDedup] =
                "the embedded mock cluster checks producer sequence numbers only for transactional producers: an idempotent producer without transactional.id is not deduplicated",
            [Capability.AdminCreateTopics] =
                "the embedded mock cluster does not implement the CreateTopics Admin API (it closes the connection); topics are created through the cluster abstraction",
            [Capability.IsolateFromBrokers] =
                "the embedded mock cluster has no inter-broker traffic (no replication, no controller quorum) to cut; isolation cuts a broker off from its clients only",
            [Capability.ControllerFailover] =
                "the embedded mock cluster has no controller process: leadership is moved by an emulation inside the test process, which cannot itself be killed",
            [Capability.ReadCommitted] =
                "the embedded mock cluster's Fetch ignores isolation.level: it answers with the high watermark as the last stable offset and no aborted-transaction list, so a read_committed consumer reads aborted and still-open transactions",
            [Capability.TransactionalOffsetCommit] =
                "the embedded mock cluster answers TxnOffsetCommit without storing the offsets, so a consume-transform-produce processor restarts from auto.offset.reset instead of after its last committed transaction",
            [Capability.ProducerFencing] =
                "the embedded mock cluster's InitProducerId gives a second producer with the same transactional.id a new producer id at epoch 0 instead of bumping the epoch, so the first producer is never fenced and its open transaction is not aborted",
        };
        if (!faultProxy)
        {
            missing[Capability.NetworkToxics] =
                "this embedded cluster was started without fault proxies (UseFaultProxy=false), so there is no Toxiproxy API for toxics";
        }
        return new ClusterCapabilities(missing, Limits);
    }

    /// <summary>
    /// What the mock keeps per partition: the newest ~5 MiB or 100,000 record batches (hard-coded in rdkafka_mock.c,
    /// no API changes it); 4,500,000 bytes is what a scenario may count on. How fast it takes messages: it is one mock
    /// thread inside the test process, so the rate is the slowest a producer alone (no consumers, no fault proxies)
    /// was measured to reach into it; the README gives the range measured, when and where ("What each target can judge").
    /// </summary>
    public static CapabilityLimits Limits { get; } = new()
    {
        RetainedBytesPerPartition = 4_500_000,
        RetainedBatchesPerPartition = 100_000,
        RetentionFact = "the embedded cluster keeps ~5 MiB or 100,000 record batches per partition (the mock's fixed window; a scenario may count on 4.5 MB) and drops older records",
        InProcessProducerRate = 826_000,
        InProcessFact = "the embedded cluster is one mock thread inside the test process: a producer alone, without consumers or fault proxies, reached 826,000-922,000 msg/s into it on the 2-core machine",
        DefaultDetectionDelay = EmbeddedClusterOptions.DefaultDetectionDelay,
    };
}
