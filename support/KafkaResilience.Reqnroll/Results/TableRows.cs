namespace KafkaResilience.Reqnroll.Results;

/// <summary>A step's DataTable as plain rows of cells, the first row being the header.</summary>
public sealed record TableRows(IReadOnlyList<IReadOnlyList<string>> Rows);
