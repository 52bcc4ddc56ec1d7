using KafkaResilience.Reqnroll.Running;
using Reqnroll;
using Reqnroll.ErrorHandling;
using Reqnroll.UnitTestProvider;
using Xunit.v3;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// How Reqnroll asks the test framework to skip, leave pending or inconclusive, and how it tells a skip from a failure:
/// a <see cref="ScenarioSkippedException"/> (a binding's own skip with its reason) or xUnit's <c>Assert.Skip</c> is a
/// skip; pending stays pending (the host fails it, as an undefined step, with Reqnroll's message).
/// </summary>
public sealed class XunitRuntimeProvider : IUnitTestRuntimeProvider
{
    /// <summary>The name the host's plugin registers the provider under.</summary>
    public const string Name = "kafka-resilience-xunit3";

    public void TestPending(string message) => throw new PendingScenarioException(message);

    public void TestInconclusive(string message) => throw new ScenarioSkippedException("inconclusive: " + message);

    public void TestIgnore(string message) => throw new ScenarioSkippedException(message);

    public ScenarioExecutionStatus? DetectExecutionStatus(Exception exception) => exception switch
    {
        ScenarioSkippedException => ScenarioExecutionStatus.Skipped,
        _ when exception.Message.StartsWith(DynamicSkipToken.Value, StringComparison.Ordinal) => ScenarioExecutionStatus.Skipped,
        _ => null,
    };
}
