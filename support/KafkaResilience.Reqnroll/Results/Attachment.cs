namespace KafkaResilience.Reqnroll.Results;

/// <summary>A file produced while a scenario or step ran (a chart, a table, a verdict), kept for the report.</summary>
public sealed record Attachment(string Name, string MediaType, byte[] Content, string FileExtension);
