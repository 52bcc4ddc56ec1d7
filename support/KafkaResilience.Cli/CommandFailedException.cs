namespace KafkaResilience.Cli;

/// <summary>A command cannot go on (an unreachable cluster, a missing topic); the message says what was tried and what to do.</summary>
internal sealed class CommandFailedException(string message) : Exception(message);
