namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>How fast a send goes: "at R messages per second" over every topic, or "as fast as it can" (<see cref="RatePerSecond"/> 0).</summary>
public sealed record SendPace(double RatePerSecond)
{
    public static SendPace AsFastAsPossible { get; } = new(0);

    public bool IsUnthrottled => RatePerSecond == 0;
}
