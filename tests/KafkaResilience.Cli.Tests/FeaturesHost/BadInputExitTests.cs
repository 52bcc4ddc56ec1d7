using System.Net;
using System.Net.Sockets;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// Bad input as the README runs the suite, each answered in one line with file:line where there is a file, and the exit
/// code saying so: feature text Kafka or a step would refuse fails its rows (exit 2); a settings file that is a folder
/// stops the host before anything runs (exit 1); an external cluster that does not answer is asked once per run.
/// </summary>
public sealed class BadInputExitTests : IDisposable
{
    private readonly string _features = Directory.CreateTempSubdirectory("kr-bad-input-").FullName;

    public void Dispose() => Directory.Delete(_features, recursive: true);

    [Fact]
    public async Task Feature_text_a_step_or_kafka_would_refuse_fails_its_row_with_one_line_naming_file_and_line()
    {
        File.WriteAllText(Path.Combine(_features, "case.feature"), """
            @bad-input
            Feature: bad input
              Scenario: a topic name Kafka refuses
                Given a cluster of brokers 105, 106 and 108
                And a topic "my topic" with 3 partitions and replication factor 3

              Scenario: a settings table without its header
                Given the producer uses these settings:
                  | acks | all |

              Scenario Outline: o
                When a producer sends <n> messages of 100 bytes to "t" at 100 messages per second

                Examples:
                  | n |
                  |   |
            """);

        using var run = FeaturesHostRun.Start("Category=bad-input", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_FEATURES"] = _features });
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        exit.Should().Be(2, run.Output);
        run.Output.Should().Contain("case.feature:5 \"a topic \"my topic\" with 3 partitions and replication factor 3\": the topic name \"my topic\" is refused by Kafka");
        run.Output.Should().Contain("Step \"Given the producer uses these settings:\" (case.feature:8) failed:")
            .And.Contain("the settings table has no header row: its first row | acks | all | is read as the header");
        run.Output.Should().Contain("Examples row 1 of \"o\" (case.feature:16) leaves <n> empty");
        run.Output.Should().NotContain("No matching step definition");
    }

    [Fact]
    public async Task A_settings_file_that_is_a_folder_stops_the_host_naming_it_a_folder()
    {
        using var run = FeaturesHostRun.Start("Category=throughput", new Dictionary<string, string?>
        {
            ["KAFKA_RESILIENCE_TARGET"] = "external",
            ["KAFKA_RESILIENCE_SETTINGS"] = _features,
        });

        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        exit.Should().Be(1, run.Output);
        run.Output.Should().Contain($"KAFKA_RESILIENCE_SETTINGS='{_features}' is a folder, not a file").And.NotContain("Access to the path");
    }

    [Fact]
    public async Task An_external_cluster_that_does_not_answer_is_asked_once_and_every_other_row_fails_at_once_with_the_same_answer()
    {
        // Given: three rows that each start a cluster, and an address where nothing listens
        File.WriteAllText(Path.Combine(_features, "three.feature"), """
            @unreachable
            Feature: three rows
              Scenario Outline: row <n>
                Given a cluster of brokers 105, 106 and 108

                Examples:
                  | n |
                  | 1 |
                  | 2 |
                  | 3 |
            """);
        var address = $"127.0.0.1:{UnusedPort()}";

        using var run = FeaturesHostRun.Start("Category=unreachable", new Dictionary<string, string?>
        {
            ["KAFKA_RESILIENCE_FEATURES"] = _features,
            ["KAFKA_RESILIENCE_TARGET"] = "external",
            ["KAFKA_RESILIENCE_BOOTSTRAP"] = address,
        });
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(3));

        // Then: every row fails with the address tried; two of them without asking again
        exit.Should().Be(2, run.Output);
        Occurrences(run.Output, $"The external Kafka cluster at {address} did not answer a metadata request").Should().BeGreaterThanOrEqualTo(3);
        Occurrences(run.Output, "(answered once for the whole run: not asked again)").Should().BeGreaterThanOrEqualTo(2);
    }

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
