using System.Reflection;
using KafkaResilience.Reqnroll.Running;
using KafkaResilience.Reqnroll.Xunit;

namespace KafkaResilience.Reqnroll.Tests;

public sealed class ExceptionMessageTests
{
    [Fact]
    public void An_aggregate_with_the_default_words_says_only_its_inner_message()
    {
        var error = new AggregateException(new TimeoutException("no broker answered at 127.0.0.1:1"));

        error.Message.Should().Be("One or more errors occurred. (no broker answered at 127.0.0.1:1)", "this is what .NET shows");
        ExceptionMessage.Of(error).Should().Be("no broker answered at 127.0.0.1:1");
    }

    [Fact]
    public void An_aggregate_with_words_of_its_own_keeps_them_before_the_inner_message()
    {
        var error = new AggregateException("Some faults could not be healed.", new InvalidOperationException("broker 106 did not restart"));

        ExceptionMessage.Of(error).Should().Be("Some faults could not be healed. broker 106 did not restart");
    }

    [Fact]
    public void Nested_wrappers_are_unwrapped_to_the_innermost_message()
    {
        var error = new TargetInvocationException(new AggregateException(new AggregateException(new IOException("disk full"))));

        ExceptionMessage.Of(error).Should().Be("disk full");
    }

    [Fact]
    public void Several_inner_failures_are_listed_once_each()
    {
        var error = new AggregateException(
            new InvalidOperationException("broker 106 refused"),
            new InvalidOperationException("broker 108 refused"),
            new InvalidOperationException("broker 106 refused"));

        ExceptionMessage.Of(error).Should().Be($"- broker 106 refused{Environment.NewLine}- broker 108 refused");
    }

    [Fact]
    public void A_plain_exception_keeps_its_message()
    {
        ExceptionMessage.Of(new InvalidOperationException("plain")).Should().Be("plain");
    }

    [Fact]
    public void A_failed_scenario_reports_its_message_once_and_the_stack_trace_of_the_real_cause()
    {
        // Given: a step's exception wrapped by Task.Wait
        var cause = Catch(() => Task.Run(ThrowFromAStep).Wait());

        // When
        var failure = new ScenarioFailedException("Step \"When it breaks\" (test.feature:3) failed:\nbroker 106 refused", cause);

        // Then: no inner exception for xUnit to print again, but the step's own stack trace
        failure.InnerException.Should().BeNull();
        failure.StackTrace.Should().Contain(nameof(ThrowFromAStep));
    }

    private static void ThrowFromAStep() => throw new InvalidOperationException("broker 106 refused");

    private static Exception Catch(Action action)
    {
        try
        {
            action();
        }
        catch (Exception e)
        {
            return e;
        }

        throw new InvalidOperationException("the action did not throw");
    }
}
