namespace KafkaResilience.Reqnroll.Results;

/// <summary>A step's DocString: its content and the optional media type after the opening delimiter.</summary>
public sealed record DocStringArgument(string Content, string? MediaType);
