namespace KafkaResilience.Reporting.Tables;

/// <summary>
/// One value of a sweep row: what this run measured, what the seed report measured (its reference), and a note
/// for what a number cannot say (e.g. "consumer died: OutOfMemoryError").
/// </summary>
public sealed record SweepCell(double? Measured, double? Reference, string? Note = null);
