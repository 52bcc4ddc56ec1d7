namespace KafkaResilience.Reporting.Tables;

/// <summary>One setting of the swept parameter (e.g. 16 partitions) and its cells, one per column.</summary>
public sealed record SweepRow(string Parameter, IReadOnlyList<SweepCell> Cells);
