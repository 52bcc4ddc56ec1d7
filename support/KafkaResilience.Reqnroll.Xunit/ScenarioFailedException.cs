using KafkaResilience.Reqnroll.Running;

namespace KafkaResilience.Reqnroll.Xunit;

/// <summary>
/// Fails an xUnit test for a failed scenario; the message names the step (or hook), its line and why. The
/// cause is not attached as an inner exception (xUnit would print its message a second time, and a third for
/// an aggregate's inner one): its stack trace is carried as this exception's own instead.
/// </summary>
public sealed class ScenarioFailedException(string message, Exception? cause) : Exception(message)
{
    private readonly string? causeStackTrace = cause is null ? null : ExceptionMessage.StackTraceOf(cause);

    /// <summary>Where the cause was thrown (the step's own code), or null for a binding problem whose message says everything.</summary>
    public override string? StackTrace => causeStackTrace ?? base.StackTrace;
}
