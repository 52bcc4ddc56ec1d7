namespace KafkaResilience.Gherkin;

/// <summary>The feature a scenario belongs to: title, tags (without '@'), file relative to the features root.</summary>
public sealed class FeatureContext(string title, string? description, IReadOnlyList<string> tags, string file, string language)
{
    public string Title { get; } = title;

    public string? Description { get; } = description;

    public IReadOnlyList<string> Tags { get; } = tags;

    public string File { get; } = file;

    public string Language { get; } = language;
}
