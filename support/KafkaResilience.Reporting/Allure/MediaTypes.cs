namespace KafkaResilience.Reporting.Allure;

/// <summary>Media types and file extensions of attachments, and which of them are text (and so scrubbed of secrets).</summary>
public static class MediaTypes
{
    public const string Png = "image/png";
    public const string Json = "application/json";
    public const string Csv = "text/csv";
    public const string Markdown = "text/markdown";
    public const string PlainText = "text/plain";

    /// <summary>True for media types whose content is text.</summary>
    public static bool IsText(string mediaType)
    {
        var type = mediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type.StartsWith("text/", StringComparison.Ordinal)
            || type is Json or "application/xml" or "application/yaml" or "application/x-yaml" or "image/svg+xml" or "application/x-ndjson"
            || type.EndsWith("+json", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal);
    }

    /// <summary>A safe file extension (letters and digits, no dot), from the given one or else from the media type.</summary>
    public static string Extension(string? extension, string mediaType)
    {
        var cleaned = new string((extension ?? string.Empty).Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        if (cleaned.Length > 0 && cleaned.Length <= 10)
        {
            return cleaned;
        }

        return mediaType.Split(';')[0].Trim().ToLowerInvariant() switch
        {
            Png => "png",
            "image/jpeg" => "jpg",
            "image/svg+xml" => "svg",
            Json => "json",
            Csv => "csv",
            Markdown => "md",
            "text/html" => "html",
            "application/xml" or "text/xml" => "xml",
            _ => "txt",
        };
    }

    /// <summary>The media type of a DocString by its delimiter's content type (e.g. <c>"""json</c>).</summary>
    public static string ForDocString(string? contentType) => contentType?.Trim().ToLowerInvariant() switch
    {
        "json" => Json,
        "xml" => "application/xml",
        "csv" => Csv,
        "md" or "markdown" => Markdown,
        "yaml" or "yml" => "application/yaml",
        _ => PlainText,
    };
}
