namespace KafkaResilience.Chaos.Timeline;

/// <summary>A fault that was active from <see cref="Injected"/> to <see cref="Healed"/> (null: still active), for shaded chart windows.</summary>
public sealed record FaultPeriod(string Description, DateTimeOffset Injected, DateTimeOffset? Healed);
