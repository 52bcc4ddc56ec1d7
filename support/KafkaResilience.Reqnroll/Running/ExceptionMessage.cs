using System.Reflection;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// The one message a person should read for an exception. An <see cref="AggregateException"/> repeats each
/// inner message in parentheses after its own ("One or more errors occurred. (the real reason)"), and hosts
/// then print the inner exception again: this says the real reason once, with the wrapper's own words only
/// when they add something.
/// </summary>
public static class ExceptionMessage
{
    private const string DefaultAggregateMessage = "One or more errors occurred.";

    /// <summary>The message of <paramref name="error"/> with wrappers (aggregate, reflection) unwrapped.</summary>
    public static string Of(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        switch (error)
        {
            case TargetInvocationException { InnerException: { } inner }:
                return Of(inner);
            case AggregateException aggregate:
            {
                var inners = aggregate.Flatten().InnerExceptions;
                if (inners.Count == 0) return aggregate.Message;
                var own = OwnWords(aggregate);
                var messages = inners.Select(Of).Distinct(StringComparer.Ordinal).ToList();
                var reasons = messages.Count == 1
                    ? messages[0]
                    : string.Join(Environment.NewLine, messages.Select(m => "- " + m));
                if (own is null) return reasons;
                return messages.Count == 1 ? $"{own} {reasons}" : own + Environment.NewLine + reasons;
            }

            default:
                return error.Message;
        }
    }

    /// <summary>The stack trace that says where the failure happened: the innermost single cause's, else the wrapper's.</summary>
    public static string? StackTraceOf(Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            TargetInvocationException { InnerException: { } inner } => StackTraceOf(inner),
            AggregateException aggregate when aggregate.Flatten().InnerExceptions is { Count: 1 } single => StackTraceOf(single[0]),
            _ => error.StackTrace,
        };
    }

    /// <summary>The aggregate's own words without the inner messages .NET appends, or null when they say nothing.</summary>
    private static string? OwnWords(AggregateException aggregate)
    {
        var message = aggregate.Message;
        var appended = string.Concat(aggregate.InnerExceptions.Select(e => $" ({e.Message})"));
        if (appended.Length > 0 && message.EndsWith(appended, StringComparison.Ordinal))
        {
            message = message[..^appended.Length];
        }

        message = message.Trim();
        return message.Length == 0 || message == DefaultAggregateMessage ? null : message;
    }
}
