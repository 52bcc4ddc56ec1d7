namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Messages a step writes: <paramref name="Messages"/> of <paramref name="Size"/> bytes to <paramref name="Topic"/>
/// (a reference), at <paramref name="Rate"/> msg/s (null: as fast as the producers can), read while sent when
/// <paramref name="ReadWhileSent"/>.
/// </summary>
public sealed record NeededSend(int Step, string Topic, long Messages, int Size, double? Rate, bool ReadWhileSent);
