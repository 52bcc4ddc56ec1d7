namespace KafkaResilience.Chaos.Fit;

/// <summary>What a stated rate is: a floor the producers or the consumers must reach, or the pace of a send.</summary>
public enum RateKind
{
    ProducerFloor,
    ConsumerFloor,
    SendPace,
}
