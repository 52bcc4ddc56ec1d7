using System.Net.Sockets;
using FluentAssertions;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Targets;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>The scenario's one teardown: every stage once, in the reverse order of set-up, the cluster last whatever failed.</summary>
public sealed class ScenarioTeardownTests
{
    private static (LiteralScenario Scenario, ScenarioTeardown Teardown) Scenario()
    {
        var s = new LiteralScenario();
        var transactions = new ScenarioTransactions(s.Cluster, s.History, s.Producers, s.Consumers, s.Judge, s.Scope);
        var report = new ScenarioReport(s.Cluster, s.History, s.Producers, s.Consumers, s.Judge, s.Scope);
        return (s, new ScenarioTeardown(s.Cluster, s.Producers, s.Consumers, transactions, s.Nemesis, report));
    }

    [Fact]
    public async Task The_faults_are_healed_before_the_report_and_the_cluster_is_disposed_last_once()
    {
        // Given a scenario with a broker still killed at its end
        var (s, teardown) = Scenario();
        await s.TopicAsync("f", 3);
        await s.KillAsync(106, at: 2);

        // When it is torn down, twice (a second hook, a retry)
        await teardown.RunAsync();
        await teardown.RunAsync();

        // Then the kill was healed (and its heal is in the history the report read), the cluster disposed once, after it
        s.Fake.Operations.Should().ContainInOrder("kill 106", "start 106", "dispose");
        s.Fake.Operations.Count(o => o == "dispose").Should().Be(1);
        s.History.Snapshot().Faults.Should().ContainSingle().Which.HealedAt.Should().NotBeNull();
        s.Scope.Kept.Select(k => k.Name).Should().Contain("fault timeline");
        s.Cluster.Started.Should().BeNull("the scenario's cluster is gone after its teardown");
    }

    [Fact]
    public async Task A_heal_that_fails_still_lets_the_report_and_the_cluster_s_disposal_happen_then_fails_the_scenario_with_it()
    {
        // Given a latency fault whose toxic someone removed behind the suite's back: its heal fails
        var (s, teardown) = Scenario();
        await s.TopicAsync("f", 3);
        var toxiproxy = new Fakes.FakeToxiproxy();
        s.Cluster.Use(s.Fake, s.Fake, toxiproxy);
        await s.Nemesis.InjectAsync(new LatencyFault(new SpecificBroker(108), TimeSpan.FromMilliseconds(100), TimeSpan.Zero));
        toxiproxy.Toxics.Clear();

        // When
        var act = () => teardown.RunAsync();

        // Then the failure names the heal, and every later stage still ran
        (await act.Should().ThrowAsync<AggregateException>()).Which.Message.Should().Contain("Could not heal").And.Contain("latency");
        s.Scope.Kept.Select(k => k.Name).Should().Contain("target");
        s.Fake.Operations.Should().EndWith("dispose");
    }

    [Fact]
    public async Task An_embedded_cluster_started_for_a_scenario_no_longer_listens_once_the_scenario_is_torn_down()
    {
        // Given a scenario's cluster started on the real embedded target
        var scope = new LiteralScope(_ => { });
        var history = new ScenarioHistory(new LedgerOptions());
        var cluster = new ScenarioCluster(scope, history, LiteralTargets.Embedded());
        var producers = new ScenarioProducers(cluster, history, scope);
        var consumers = new ScenarioConsumers(cluster, history, producers, scope);
        var judge = new ScenarioJudge(cluster, history, producers, consumers, scope);
        var teardown = new ScenarioTeardown(cluster, producers, consumers, new ScenarioTransactions(cluster, history, producers, consumers, judge, scope),
            new ScenarioNemesis(cluster, history, scope), new ScenarioReport(cluster, history, producers, consumers, judge, scope));
        await cluster.StartAsync(new ClusterRequest());
        var addresses = cluster.Cluster.BootstrapServers.Split(',');
        (await Listening(addresses)).Should().NotBeEmpty("the cluster serves while the scenario runs");

        // When the scenario ends
        await teardown.RunAsync();

        // Then no address it served still accepts a connection
        (await Listening(addresses)).Should().BeEmpty("a scenario leaves no port behind");
    }

    private static async Task<IReadOnlyList<string>> Listening(IEnumerable<string> addresses)
    {
        var open = new List<string>();
        foreach (var address in addresses)
        {
            var colon = address.LastIndexOf(':');
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await client.ConnectAsync(address[..colon], int.Parse(address[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), timeout.Token);
                open.Add(address);
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // Refused (or not answered within the bound): nothing listens there.
            }
        }
        return open;
    }
}
