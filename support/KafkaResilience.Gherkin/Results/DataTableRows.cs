namespace KafkaResilience.Gherkin.Results;

/// <summary>A step's DataTable as plain rows of cells, the first row being the header.</summary>
public sealed record DataTableRows(IReadOnlyList<IReadOnlyList<string>> Rows);
