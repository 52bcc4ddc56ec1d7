namespace KafkaResilience.Workloads.History;

/// <summary>
/// One offset reset a consumer went through on a partition: about to read <paramref name="From"/>, it
/// next read <paramref name="To"/> (null when it read nothing more of that partition), so it skipped the
/// records [From, To). <paramref name="Kind"/> says where the reset went and so what those records were;
/// <paramref name="Reason"/> is what the client reported, or what the offsets read show.
/// </summary>
public sealed record OffsetReset(TimeSpan At, string Consumer, string Topic, int Partition, long From, long? To, OffsetResetKind Kind, string Reason)
{
    /// <summary>Offsets this reset moved the consumer past without reading them (0 for a reset that went back or nowhere).</summary>
    public long Skipped => To is { } to && to > From ? to - From : 0;
}
