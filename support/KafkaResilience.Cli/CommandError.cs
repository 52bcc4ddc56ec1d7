using System.Reflection;

namespace KafkaResilience.Cli;

/// <summary>
/// The one line a failed command prints: the exception's message, with wrappers unwrapped so that
/// "One or more errors occurred. (the reason)" says the reason once.
/// </summary>
internal static class CommandError
{
    public static string Describe(Exception error) => error switch
    {
        TargetInvocationException { InnerException: { } inner } => Describe(inner),
        AggregateException aggregate when aggregate.Flatten().InnerExceptions.Count > 0 =>
            string.Join("; ", aggregate.Flatten().InnerExceptions.Select(Describe).Distinct(StringComparer.Ordinal)),
        _ => error.Message,
    };
}
