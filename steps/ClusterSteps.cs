using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Targets;

namespace KafkaResilience.Steps;

/// <summary>Steps that set up the cluster and its topics (see steps/README.md for the vocabulary).</summary>
[Binding]
public sealed class ClusterSteps(ScenarioCluster cluster)
{
    [Given("a cluster of brokers {brokers}")]
    public Task ACluster(IReadOnlyList<int> brokers) => cluster.StartAsync(new ClusterRequest { BrokerIds = brokers });

    [Given("a cluster of brokers {brokers} that moves leadership off a lost broker after {duration}")]
    [PlannedAs(typeof(ClusterDetecting))]
    public Task AClusterDetectingAfter(IReadOnlyList<int> brokers, TimeSpan detection) =>
        cluster.StartAsync(new ClusterRequest { BrokerIds = brokers, DetectionDelay = detection });

    [Given("a topic {string} with {int} partition(s) and replication factor {int}")]
    [PlannedAs(typeof(TopicCreated))]
    public Task ATopic(string name, int partitions, int replicationFactor) => cluster.CreateTopicAsync(name, partitions, replicationFactor);

    [Given(@"^(\d+) topics named ""([^""]*?)1"" to ""[^""]*"", each with (\d+) partitions? and replication factor (\d+)$")]
    [PlannedAs(typeof(TopicsCreated))]
    public Task ManyTopics(int count, string prefix, int partitions, int replicationFactor) =>
        cluster.CreateTopicsAsync(count, prefix, partitions, replicationFactor);

    [Given("broker {int} leads at least one partition of {string}")]
    public Task BrokerLeads(int broker, string topic) => cluster.RequireLeadsAsync(broker, topic);
}
