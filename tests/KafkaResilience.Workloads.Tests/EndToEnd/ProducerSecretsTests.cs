using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using Xunit;

namespace KafkaResilience.Workloads.Tests.EndToEnd;

/// <summary>A producer setting that holds a secret never reaches the history's events or the workload log.</summary>
public sealed class ProducerSecretsTests
{
    [Fact]
    public async Task A_sasl_password_in_the_producer_settings_is_masked_in_events_and_log()
    {
        // Given
        const string password = "hunter2-do-not-print";
        await using var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("secret", 1, 1)], UseFaultProxy = false }, TestContext.Current.CancellationToken);
        var ledger = new HistoryLedger();
        var log = new List<string>();
        var settings = new Dictionary<string, string> { ["sasl.password"] = password, ["sasl.username"] = "alice" };

        // When
        await using (var producer = ProducerWorkload.Start(cluster, new ProducerWorkloadOptions { Topic = "secret", MessageCount = 10, Settings = settings }, ledger, line => { lock (log) log.Add(line); }))
        {
            await producer.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
        }
        var events = ledger.Snapshot().Events.Select(e => e.ToString()).ToList();

        // Then
        events.Should().Contain(e => e.Contains("sasl.username=alice"), "the settings are described, only the secret is masked");
        events.Concat(log).Should().NotContain(line => line.Contains(password));
    }
}
