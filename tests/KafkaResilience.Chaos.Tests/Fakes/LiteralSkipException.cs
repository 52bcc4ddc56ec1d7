namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>A <see cref="LiteralScope"/>'s skip: the scenario would end skipped with <see cref="Reason"/>.</summary>
internal sealed class LiteralSkipException(string reason) : Exception(reason)
{
    public string Reason { get; } = reason;
}
