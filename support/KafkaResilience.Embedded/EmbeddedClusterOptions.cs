using KafkaResilience.Cluster;

namespace KafkaResilience.Embedded;

/// <summary>
/// How to start an <see cref="EmbeddedCluster"/>. Validated before anything starts; every error
/// names the setting and the values it allows.
/// </summary>
public sealed record EmbeddedClusterOptions
{
    /// <summary>The seed report's brokers (named after the last octet of their hosts' addresses).</summary>
    public static readonly IReadOnlyList<int> SeedBrokerIds = [105, 106, 108];

    /// <summary>
    /// Suite default for <see cref="DetectionDelay"/>: 3 s. Kafka's <c>broker.session.timeout.ms</c>
    /// defaults to 9 s; a third of it keeps CI fast while staying well above client retry backoffs.
    /// </summary>
    public static readonly TimeSpan DefaultDetectionDelay = TimeSpan.FromSeconds(3);

    /// <summary>Kafka's own default for <c>broker.session.timeout.ms</c>, for scenarios that want real timing.</summary>
    public static readonly TimeSpan KafkaBrokerSessionTimeout = TimeSpan.FromSeconds(9);

    public const int MaxBrokers = 32;
    public static readonly TimeSpan MaxDetectionDelay = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan MaxGroupInitialRebalanceDelay = TimeSpan.FromSeconds(60);

    /// <summary>Broker ids, in the order that also orders replica placement. Default 105, 106, 108.</summary>
    public IReadOnlyList<int> BrokerIds { get; init; } = SeedBrokerIds;

    /// <summary>
    /// How long a broker must be unreachable (killed, paused, isolated) before the controller emulation
    /// fences it and moves leadership and group coordinators off it: the emulated
    /// <c>broker.session.timeout.ms</c>. Zero fails over at once.
    /// </summary>
    public TimeSpan DetectionDelay { get; init; } = DefaultDetectionDelay;

    /// <summary>
    /// Front every broker with a Toxiproxy-compatible fault proxy named "broker-&lt;id&gt;" (default true):
    /// needed for toxics; isolation then disables the proxy. False lets clients reach the mock directly.
    /// </summary>
    public bool UseFaultProxy { get; init; } = true;

    /// <summary>Topics created before the cluster is handed out.</summary>
    public IReadOnlyList<TopicSpec> Topics { get; init; } = [];

    /// <summary>
    /// Kafka's <c>group.initial.rebalance.delay.ms</c> (Kafka and the mock default to 3 s; 100 ms here
    /// so consumer groups form quickly in tests while consumers started together still join one generation).
    /// </summary>
    public TimeSpan GroupInitialRebalanceDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Port of the Toxiproxy-compatible API on 127.0.0.1; 0 picks a free one.</summary>
    public int ToxiproxyApiPort { get; init; }

    /// <summary>Clock for leadership-change timestamps and failover timers (a fake one in tests).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting and what it allows.</summary>
    public void Validate()
    {
        if (BrokerIds is null)
            throw new ArgumentException($"{nameof(BrokerIds)} must list 1 to {MaxBrokers} broker ids (got none).", nameof(BrokerIds));
        if (KafkaNames.BrokerIdsProblem(BrokerIds) is { } refused)
            throw new ArgumentException($"{nameof(BrokerIds)} {refused}.", nameof(BrokerIds));
        if (BrokerIds.Count > MaxBrokers)
            throw new ArgumentException($"{nameof(BrokerIds)} must list 1 to {MaxBrokers} broker ids (got {BrokerIds.Count}).", nameof(BrokerIds));
        if (DetectionDelay < TimeSpan.Zero || DetectionDelay > MaxDetectionDelay)
            throw new ArgumentException($"{nameof(DetectionDelay)} must be between 0 and {MaxDetectionDelay.TotalMinutes:0} minutes (got {DetectionDelay}).", nameof(DetectionDelay));
        if (GroupInitialRebalanceDelay < TimeSpan.Zero || GroupInitialRebalanceDelay > MaxGroupInitialRebalanceDelay)
            throw new ArgumentException($"{nameof(GroupInitialRebalanceDelay)} must be between 0 and {MaxGroupInitialRebalanceDelay.TotalSeconds:0} s (got {GroupInitialRebalanceDelay}).", nameof(GroupInitialRebalanceDelay));
        if (ToxiproxyApiPort is < 0 or > 65535)
            throw new ArgumentException($"{nameof(ToxiproxyApiPort)} must be 0 (any free port) or 1-65535 (got {ToxiproxyApiPort}).", nameof(ToxiproxyApiPort));
        if (TimeProvider is null)
            throw new ArgumentException($"{nameof(TimeProvider)} must be set (TimeProvider.System or a fake clock).", nameof(TimeProvider));
        if (Topics is null)
            throw new ArgumentException($"{nameof(Topics)} must be a list (empty for none).", nameof(Topics));
        foreach (var topic in Topics) topic.Validate(BrokerIds.Count);
        var duplicate = Topics.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new ArgumentException($"{nameof(Topics)} must have distinct names ({duplicate.Key} appears {duplicate.Count()} times).", nameof(Topics));
    }
}
