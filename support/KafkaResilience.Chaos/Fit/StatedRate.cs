namespace KafkaResilience.Chaos.Fit;

/// <summary>A rate a step states, in messages per second.</summary>
public sealed record StatedRate(int Step, RateKind Kind, double PerSecond);
