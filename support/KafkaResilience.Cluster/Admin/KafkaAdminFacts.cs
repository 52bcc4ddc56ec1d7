using Confluent.Kafka;
using Confluent.Kafka.Admin;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Waiting;
using TopicDescription = KafkaResilience.Cluster.TopicDescription;

namespace KafkaResilience.Cluster.Admin;

/// <summary>
/// The facts of a real Kafka cluster read through the Admin API (leaders, replicas, ISR, live brokers,
/// group coordinators) and the few admin actions the suite needs (create topic, preferred election).
/// Shared by the docker and external targets. Every call is bounded by <see cref="RequestTimeout"/>.
/// </summary>
public sealed class KafkaAdminFacts : IDisposable
{
    /// <summary>How often a wait for live brokers asks again.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a wait for a new topic's leaders asks again.</summary>
    private static readonly TimeSpan TopicPollInterval = TimeSpan.FromMilliseconds(100);

    private readonly IAdminClient _admin;

    public KafkaAdminFacts(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, TimeSpan requestTimeout)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        ArgumentNullException.ThrowIfNull(clientSettings);
        if (requestTimeout <= TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(requestTimeout), requestTimeout, "The request timeout must be positive.");
        RequestTimeout = requestTimeout;
        var config = new Dictionary<string, string>(clientSettings, StringComparer.Ordinal)
        {
            ["bootstrap.servers"] = bootstrapServers,
            ["socket.timeout.ms"] = ((int)requestTimeout.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        // librdkafka logs to stderr by default; the suite's reports carry what matters, and logs may echo settings.
        _admin = new AdminClientBuilder(config).SetLogHandler((_, _) => { }).Build();
    }

    /// <summary>Upper bound of every Admin API call.</summary>
    public TimeSpan RequestTimeout { get; }

    /// <summary>Live brokers as the cluster reports them.</summary>
    public async Task<IReadOnlyList<int>> BrokersAsync(CancellationToken cancellationToken = default)
    {
        var result = await _admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = RequestTimeout })
            .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        return result.Nodes.Select(n => n.Id).Order().ToArray();
    }

    /// <summary>
    /// The controller as metadata names it. Right for ZooKeeper mode, where it is the broker holding the
    /// /controller node; in KRaft it is a random live broker, not the quorum leader (see MetadataQuorumStatus).
    /// </summary>
    public async Task<int?> ControllerAsync(CancellationToken cancellationToken = default)
    {
        var result = await _admin.DescribeClusterAsync(new DescribeClusterOptions { RequestTimeout = RequestTimeout })
            .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        return result.Controller is { Id: >= 0 } controller ? controller.Id : null;
    }

    /// <summary>Polls until the broker is no longer live (its session expired), or returns false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitUntilGoneAsync(int brokerId, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var took = await ConditionWait.WithinAsync(async ct =>
        {
            try
            {
                return !(await BrokersAsync(ct).ConfigureAwait(false)).Contains(brokerId);
            }
            catch (Exception e) when (e is KafkaException or TimeoutException)
            {
                return false; // No broker answered this time; ask again until the deadline.
            }
        }, timeout, cancellationToken, PollInterval).ConfigureAwait(false);
        return took is not null;
    }

    /// <summary>Polls until every expected broker is live, or throws naming the missing ones after <paramref name="timeout"/>.</summary>
    public async Task WaitForBrokersAsync(IReadOnlyCollection<int> expected, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<int> seen = [];
        var lastError = "none";
        await ConditionWait.UntilAsync(async ct =>
        {
            try
            {
                seen = await BrokersAsync(ct).ConfigureAwait(false);
                return expected.All(seen.Contains);
            }
            catch (Exception e) when (e is KafkaException or TimeoutException)
            {
                lastError = e.Message;
                return false;
            }
        }, timeout, () => $"Brokers {string.Join(", ", expected.Except(seen))} did not appear within {timeout.TotalSeconds:0} s " +
            $"(live: {(seen.Count == 0 ? "none" : string.Join(", ", seen))}; last error: {lastError})", cancellationToken, PollInterval).ConfigureAwait(false);
    }

    /// <summary>Creates the topic, then waits (bounded) until every partition has a leader.</summary>
    public async Task CreateTopicAsync(TopicSpec topic, int brokerCount, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        topic.Validate(brokerCount);
        await _admin.CreateTopicsAsync(
                [new TopicSpecification { Name = topic.Name, NumPartitions = topic.Partitions, ReplicationFactor = (short)topic.ReplicationFactor }],
                new CreateTopicsOptions { RequestTimeout = RequestTimeout, OperationTimeout = RequestTimeout })
            .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);

        TopicDescription? last = null;
        await ConditionWait.UntilAsync(async ct =>
        {
            try
            {
                last = await DescribeTopicAsync(topic.Name, ct).ConfigureAwait(false);
                return last.Partitions.Count == topic.Partitions && last.Partitions.All(p => p.Leader is not null);
            }
            catch (KafkaException)
            {
                return false; // Metadata of a new topic takes a moment to reach every broker.
            }
        }, RequestTimeout, () => $"Topic {topic.Name} was created but not every partition had a leader within {RequestTimeout.TotalSeconds:0} s (last seen: {Describe(last)})",
            cancellationToken, TopicPollInterval).ConfigureAwait(false);
    }

    public async Task<TopicDescription> DescribeTopicAsync(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        try
        {
            var result = await _admin.DescribeTopicsAsync(TopicCollection.OfTopicNames([topic]), new DescribeTopicsOptions { RequestTimeout = RequestTimeout })
                .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
            return AdminTopicMapping.ToTopicDescription(result.TopicDescriptions.Single());
        }
        catch (DescribeTopicsException e)
        {
            var description = e.Results.TopicDescriptions.Single();
            throw new KafkaException(description.Error);
        }
    }

    /// <summary>The broker coordinating a consumer group (from DescribeConsumerGroups).</summary>
    public async Task<int> GroupCoordinatorAsync(string groupId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(groupId);
        var result = await _admin.DescribeConsumerGroupsAsync([groupId], new DescribeConsumerGroupsOptions { RequestTimeout = RequestTimeout })
            .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        var group = result.ConsumerGroupDescriptions.Single();
        return group.Coordinator?.Id ?? throw new InvalidOperationException($"Group {groupId} has no coordinator ({group.Error}).");
    }

    /// <summary>Moves every partition of the topic back to its preferred (first) replica.</summary>
    public async Task ElectPreferredLeadersAsync(string topic, CancellationToken cancellationToken = default)
    {
        var description = await DescribeTopicAsync(topic, cancellationToken).ConfigureAwait(false);
        var partitions = description.Partitions.Select(p => new TopicPartition(topic, p.Partition)).ToArray();
        try
        {
            await _admin.ElectLeadersAsync(ElectionType.Preferred, partitions, new ElectLeadersOptions { RequestTimeout = RequestTimeout, OperationTimeout = RequestTimeout })
                .WaitAsync(RequestTimeout + TimeSpan.FromSeconds(1), cancellationToken).ConfigureAwait(false);
        }
        catch (ElectLeadersException e) when (e.Results.TopicPartitions.All(p => p.Error.Code is ErrorCode.NoError or ErrorCode.ElectionNotNeeded))
        {
            // Partitions already led by their preferred replica answer ELECTION_NOT_NEEDED: that is success.
        }
    }

    public void Dispose() => _admin.Dispose();

    private static string Describe(TopicDescription? description) => description is null
        ? "nothing"
        : string.Join(", ", description.Partitions.Select(p => $"{p.Partition}:{p.Leader?.ToString() ?? "none"}"));
}
