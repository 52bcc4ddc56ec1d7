using System.Text.Json;
using KafkaResilience.Cli.Tests.Support;

namespace KafkaResilience.Cli.Tests.FeaturesHost;

/// <summary>
/// A Then never judges evidence that was not gathered, on the embedded target, as the README runs the suite: a loss check
/// after the only read was skipped up front is "not judged" with that step's reason and the scenario is skipped (never
/// "200,000 lost"); after a read that failed before it read, the failure is the read step's; a read that ran and read
/// nothing is a real loss, named by its cause. The Allure results and summary.md say so.
/// </summary>
public sealed class NotJudgedTests : IDisposable
{
    private readonly string _features = Directory.CreateTempSubdirectory("kr-not-judged-").FullName;

    public void Dispose() => Directory.Delete(_features, recursive: true);

    [Fact]
    public async Task A_loss_check_without_the_read_it_needs_is_not_judged_and_a_read_that_read_nothing_is_a_real_loss()
    {
        // Given
        File.WriteAllText(Path.Combine(_features, "evidence.feature"), """
            @not-judged
            Feature: Evidence a check needs
              Background:
                Given a cluster of brokers 105, 106 and 108
                And a topic "l" with 1 partition and replication factor 1

              Scenario: the only read is skipped up front
                When a producer sends 200000 messages of 100 bytes to "l" as fast as it can
                And the producer has finished within 60 seconds
                When 1 consumer in group "late" reads all acknowledged messages of "l" within 20 seconds
                Then no acknowledged message is lost

              Scenario: the read fails before it reads
                When a producer sends 1000 messages of 100 bytes to "l" as fast as it can
                And the producer has finished within 60 seconds
                When 1 consumer in group "late" reads all acknowledged messages of "nowhere" within 20 seconds
                Then no acknowledged message is lost

              Scenario: the read runs and reads nothing
                When a producer sends 1000 messages of 100 bytes to "l" as fast as it can
                And the producer has finished within 60 seconds
                Given the consumers use these settings:
                  | setting           | value  |
                  | auto.offset.reset | latest |
                And 1 consumer in group "late" is reading "l"
                When the consumers have read every message they can within 3 seconds
                Then no acknowledged message is lost
            """);

        // When
        using var run = FeaturesHostRun.Start("Category=not-judged", new Dictionary<string, string?> { ["KAFKA_RESILIENCE_FEATURES"] = _features });
        var exit = await run.WaitForExitAsync(TimeSpan.FromMinutes(5));

        // Then: two rows failed (the failing read, the real loss), one was skipped
        exit.Should().Be(2, run.Output);
        var results = new AllureResults(Path.Combine(run.Folders.Work, "allure-results"));

        // Then: the skipped read makes the Then "not judged" and the row skipped, with the read step's reason; nothing called lost
        var skipped = results.Scenario("the only read is skipped up front");
        Status(skipped).Should().Be("skipped", results.Message(skipped));
        results.Message(skipped).Should().StartWith("not judged: no consumer read \"l\": the step \"1 consumer in group \"late\" reads all acknowledged messages of \"l\" within 20 seconds\"")
            .And.Contain("needs 200,000 x 100 B (20.0 MB) kept");
        var read = Step(skipped, "When 1 consumer in group \"late\" reads all acknowledged messages of \"l\" within 20 seconds");
        Status(read).Should().Be("skipped");
        StepMessage(read).Should().StartWith("not judged on the embedded target: the late group \"late\" needs 200,000 x 100 B (20.0 MB) kept");
        var then = Step(skipped, "Then no acknowledged message is lost");
        Status(then).Should().Be("skipped");
        StepMessage(then).Should().StartWith("not judged: no consumer read \"l\"");
        Parameter(then, "measured").Should().StartWith("not judged:").And.NotContain("lost").And.NotContain("never reached");
        var verdicts = results.Json(skipped, "verdicts");
        verdicts.GetProperty("judged").EnumerateArray().Single(v => v.GetProperty("step").GetString() == "Then no acknowledged message is lost")
            .GetProperty("validity").GetString().Should().Be("NotJudged");
        verdicts.GetProperty("wholeRun").EnumerateArray().Single(v => v.GetProperty("checker").GetString() == "lost")
            .GetProperty("validity").GetString().Should().Be("NotJudged");

        // Then: a read that failed before it read fails as that step, never as a loss
        var failedRead = results.Scenario("the read fails before it reads");
        Status(failedRead).Should().Be("broken");
        results.Message(failedRead).Should().Contain("No topic \"nowhere\" was created in this scenario").And.NotContain("lost");
        Status(Step(failedRead, "Then no acknowledged message is lost")).Should().Be("skipped");

        // Then: a read that ran and read nothing is a real loss, named by its cause
        var readNothing = results.Scenario("the read runs and reads nothing");
        Status(readNothing).Should().Be("failed");
        results.Message(readNothing).Should().StartWith("messages lost: ").And.Contain("1,000 lost (1,000 never reached by a consumer)");

        // Then: the summary counts the not-judged row as skipped, with its reason
        var summary = File.ReadAllText(Path.Combine(run.Folders.Work, "allure-results", "summary.md"));
        summary.Should().Contain("3 scenario(s): 0 passed, 1 failed, 1 broken, 1 skipped");
        summary.Should().Contain("not judged: no consumer read");
    }

    private static string? Status(JsonElement element) => element.GetProperty("status").GetString();

    private static JsonElement Step(JsonElement result, string name) =>
        result.GetProperty("steps").EnumerateArray().Single(s => s.GetProperty("name").GetString() == name);

    private static string StepMessage(JsonElement step) =>
        step.TryGetProperty("statusDetails", out var details) && details.ValueKind == JsonValueKind.Object && details.TryGetProperty("message", out var message)
            ? message.GetString() ?? ""
            : "";

    private static string? Parameter(JsonElement step, string name) =>
        step.GetProperty("parameters").EnumerateArray().Where(p => p.GetProperty("name").GetString() == name).Select(p => p.GetProperty("value").GetString()).FirstOrDefault();
}
