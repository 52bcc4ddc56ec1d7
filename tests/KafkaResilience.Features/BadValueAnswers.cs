using KafkaResilience.Reqnroll.Results;
using Xunit;

namespace KafkaResilience.Features;

/// <summary>
/// A value the step vocabulary cannot take is answered with what is allowed, through the real bindings and
/// runner, and never with an "undefined step" snippet that invites the user to write a new step for a typo.
/// No cluster is needed: the value is refused before any step runs against one.
/// </summary>
public sealed class BadValueAnswers : IDisposable
{
    private readonly StepsHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Theory]
    [InlineData("When a producer sends -5 messages of 100 bytes to \"t\" at 100 messages per second", "message count must be a whole number >= 1 (got '-5')")]
    [InlineData("When a producer sends 5 messages of 100 bytes to \"t\" at fast messages per second", "rate must be a number of messages per second > 0 or 'as fast as it can' (got 'fast')")]
    [InlineData("When 0 producers send 5 messages of 100 bytes to \"t\" as fast as they can", "producer count must be a whole number from 1 to 256 (got '0')")]
    [InlineData("Given -5 messages of 100 bytes have been written to \"t\"", "message count must be a whole number >= 1 (got '-5')")]
    [InlineData("Then the number of lost mesages is 0", "the count must be one of: lost messages,")]
    [InlineData("Then the number of lost messages is none", "write a number (e.g. 0) or \"reported\"")]
    [InlineData("Then the producer's p98 latency was at most 100 ms", "latency measure must be one of p50, p95, p99, p99.9, max, average (got 'p98')")]
    public async Task A_value_the_vocabulary_cannot_take_fails_the_step_saying_what_is_allowed(string step, string answer)
    {
        // Given a scenario whose only step holds a value the vocabulary cannot take
        var feature = $"Feature: typos\n  Scenario: one bad value\n    {step}\n";

        // When it runs
        var result = Assert.Single(await _harness.RunAsync(feature));

        // Then the step binds and fails with what is allowed: no snippet for a new step
        var only = Assert.Single(result.Steps);
        Assert.Equal(StepOutcome.Failed, only.Outcome);
        Assert.Contains(answer, only.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("No matching step definition", only.Message, StringComparison.Ordinal);
    }
}
