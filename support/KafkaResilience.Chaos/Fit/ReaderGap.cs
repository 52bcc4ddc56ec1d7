namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// A step that keeps the readers of a send from a partition for a while (<see cref="GapKind"/>), so that what is
/// written meanwhile waits to be read (or, held back by the producer, is written at once when the fault ends).
/// <paramref name="Duration"/> is how long the fault lasts (null: until the end of the scenario or a heal step);
/// <paramref name="CapBytesPerSecond"/> the cap of a <see cref="GapKind.BandwidthCap"/>.
/// </summary>
public sealed record ReaderGap(int Step, string Fault, GapKind Kind, TimeSpan? Duration, double CapBytesPerSecond = 0);
