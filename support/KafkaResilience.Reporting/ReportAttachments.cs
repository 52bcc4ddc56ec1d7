using System.Text;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting.Tables;

namespace KafkaResilience.Reporting;

/// <summary>
/// Builds the attachments scenarios hand to the runner (charts, verdicts, timelines, tables), with the media
/// types and extensions the Allure writer and the Markdown summary understand.
/// </summary>
public static class ReportAttachments
{
    /// <summary>A PNG chart.</summary>
    public static Attachment Png(string name, byte[] png) => new(name, MediaTypes.Png, png, "png");

    /// <summary>JSON text (checker verdicts, fault timelines).</summary>
    public static Attachment Json(string name, string json) => new(name, MediaTypes.Json, Utf8(json), "json");

    /// <summary>Plain text (perf-test lines).</summary>
    public static Attachment Text(string name, string text) => new(name, MediaTypes.PlainText, Utf8(text), "txt");

    /// <summary>A Markdown table; the summary copies it.</summary>
    public static Attachment Markdown(string name, string markdown) => new(name, MediaTypes.Markdown, Utf8(markdown), "md");

    /// <summary>CSV; the summary shows it as a table.</summary>
    public static Attachment Csv(string name, string csv) => new(name, MediaTypes.Csv, Utf8(csv), "csv");

    /// <summary>A sweep table as Markdown and as CSV.</summary>
    public static IReadOnlyList<Attachment> Sweep(SweepTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return [Markdown($"{table.Title} (table)", table.ToMarkdown()), Csv($"{table.Title} (csv)", table.ToCsv())];
    }

    private static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text ?? throw new ArgumentNullException(nameof(text)));
}
