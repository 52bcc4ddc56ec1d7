using System.Globalization;
using System.Text.RegularExpressions;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Gherkin;
using KafkaResilience.Targets;

namespace KafkaResilience.Steps;

/// <summary>Steps that set up the cluster and its topics (see steps/README.md for the vocabulary).</summary>
[Binding]
public sealed class ClusterSteps(ScenarioWorld world)
{
    [Given(@"^a cluster of brokers ([\d, and]+?)(?: that moves leadership off a lost broker after (.+))?$")]
    public Task ACluster(string brokers, string? detection) =>
        world.StartClusterAsync(new ClusterRequest
        {
            BrokerIds = [.. Regex.Matches(brokers, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))],
            EmbeddedDetectionDelay = string.IsNullOrWhiteSpace(detection) ? null : DurationParser.Parse(detection),
        });

    [Given("a topic {string} with {int} partition(s) and replication factor {int}")]
    public Task ATopic(string name, int partitions, int replicationFactor) => world.CreateTopicAsync(name, partitions, replicationFactor);

    [Given(@"^(\d+) topics named ""([^""]*?)1"" to ""[^""]*"", each with (\d+) partitions? and replication factor (\d+)$")]
    public Task ManyTopics(int count, string prefix, int partitions, int replicationFactor) =>
        world.CreateTopicsAsync(count, prefix, partitions, replicationFactor);

    [Given("broker {int} leads at least one partition of {string}")]
    public Task BrokerLeads(int broker, string topic) => world.RequireLeadsAsync(broker, topic);
}
