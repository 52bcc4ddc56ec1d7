using System.Globalization;
using System.Text;
using KafkaResilience.Reporting.Secrets;
using KafkaResilience.Reqnroll.Results;
using KafkaResilience.Reporting.Allure;

namespace KafkaResilience.Reporting.Summary;

/// <summary>
/// A short Markdown account of a run for people who want text: the run's counts (rows of another profile apart) and
/// facts, then one table per feature (scenario, status, duration, why), each scenario's judged steps with the bound
/// and the measured value, then the tables the scenarios attached (Markdown as is, CSV converted).
/// Pure: renders what it is given.
/// </summary>
public static class MarkdownSummary
{
    /// <summary>Longest note shown in a table cell.</summary>
    public const int MaxNoteLength = 160;

    /// <summary>How the summary names a row of another run profile, in its status column and its counts.</summary>
    public const string NotInProfile = "not in this profile";

    public static string Render(RunInfo run, IReadOnlyList<ScenarioResult> results, SecretScrubber scrubber)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(scrubber);
        var md = new StringBuilder();
        md.Append("# KafkaResilience run summary\n\n");
        md.Append(CultureInfo.InvariantCulture, $"Started {run.Start.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z. {Counts(results, run)}.\n\n");
        foreach (var (key, value) in run.Properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture, $"- {Cell(key)}: {Cell(value)}\n");
        }

        foreach (var feature in results.GroupBy(r => r.Scenario.FeatureTitle).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            md.Append(CultureInfo.InvariantCulture, $"\n## {Cell(feature.Key)}\n\n");
            md.Append("| Scenario | Status | Duration | Note |\n|---|---|---:|---|\n");
            var ordered = feature.OrderBy(r => r.Scenario.Line).ThenBy(r => r.Scenario.Id, StringComparer.Ordinal).ToList();
            foreach (var result in ordered)
            {
                var (status, details) = AllureStatusResolver.ForScenario(result);
                var seconds = (result.Stop - result.Start).TotalSeconds;
                md.Append(CultureInfo.InvariantCulture,
                    $"| {Cell(Title(result.Scenario))} | {(result.NotInProfile ? NotInProfile : status)} | {seconds:0.0} s | {Cell(Note(details?.Message))} |\n");
            }

            foreach (var result in ordered.Where(r => r.Steps.Any(s => s.Parameters.Count > 0)))
            {
                md.Append(CultureInfo.InvariantCulture, $"\n### {Cell(Title(result.Scenario))}: measured beside each bound\n\n");
                md.Append(StepValues(result));
            }

            foreach (var result in ordered)
            {
                var tables = result.Attachments.Concat(result.Steps.SelectMany(s => s.Attachments)).Where(IsTable).ToList();
                // A table attached both ways (see ReportAttachments.Sweep) is shown once, as Markdown.
                if (tables.Any(t => !IsCsv(t)))
                {
                    tables = tables.Where(t => !IsCsv(t)).ToList();
                }

                foreach (var table in tables)
                {
                    md.Append(CultureInfo.InvariantCulture, $"\n### {Cell(Title(result.Scenario))}: {Cell(table.Name)}\n\n");
                    md.Append(TableText(table).TrimEnd()).Append('\n');
                }
            }
        }

        return scrubber.Scrub(md.ToString())!;
    }

    /// <summary>
    /// "104 scenario(s): 40 passed, 1 failed, 0 broken, 6 skipped, 57 not in this profile (smoke)": rows of another run
    /// profile are counted apart from the scenarios skipped for what the target cannot model.
    /// </summary>
    public static string Counts(IReadOnlyList<ScenarioResult> results, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(run);
        var statuses = results.Where(r => !r.NotInProfile).Select(r => AllureStatusResolver.ForScenario(r).Status).ToList();
        var profile = run.Properties.TryGetValue("profile", out var name) ? $" ({name})" : "";
        return $"{results.Count} scenario(s): " +
               string.Join(", ", new[] { AllureStatus.Passed, AllureStatus.Failed, AllureStatus.Broken, AllureStatus.Skipped }.Select(s => $"{statuses.Count(x => x == s)} {s}")) +
               $", {results.Count(r => r.NotInProfile)} {NotInProfile}{profile}";
    }

    /// <summary>The steps that reported values (a judged step's bound and measured value), one row each, one column per value name.</summary>
    public static string StepValues(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var steps = result.Steps.Where(s => s.Parameters.Count > 0).ToList();
        var names = steps.SelectMany(s => s.Parameters.Select(p => p.Name)).Distinct(StringComparer.Ordinal).ToList();
        var md = new StringBuilder();
        md.Append("| Step | Status | ").Append(string.Join(" | ", names.Select(Cell))).Append(" |\n");
        md.Append("|---|---|").Append(string.Concat(names.Select(_ => "---|"))).Append('\n');
        foreach (var step in steps)
        {
            var values = names.Select(n => string.Join("; ", step.Parameters.Where(p => p.Name == n).Select(p => p.Value)));
            md.Append(CultureInfo.InvariantCulture, $"| {Cell($"{StepKeywords.Resolve(step)} {step.Text}")} | {AllureStatusResolver.ForStep(step).Status} | ");
            md.Append(string.Join(" | ", values.Select(Cell))).Append(" |\n");
        }

        return md.ToString();
    }

    /// <summary>A CSV text as a Markdown table (first row the header).</summary>
    public static string CsvToMarkdown(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var rows = ParseCsv(csv).Where(r => r.Count > 0 && !(r.Count == 1 && r[0].Length == 0)).ToList();
        if (rows.Count == 0)
        {
            return string.Empty;
        }

        var md = new StringBuilder();
        md.Append("| ").Append(string.Join(" | ", rows[0].Select(Cell))).Append(" |\n");
        md.Append('|').Append(string.Concat(rows[0].Select(_ => "---|"))).Append('\n');
        foreach (var row in rows.Skip(1))
        {
            md.Append("| ").Append(string.Join(" | ", row.Select(Cell))).Append(" |\n");
        }

        return md.ToString();
    }

    private static bool IsTable(Attachment attachment)
    {
        var type = attachment.MediaType.Split(';')[0].Trim().ToLowerInvariant();
        return type is MediaTypes.Markdown or MediaTypes.Csv;
    }

    private static bool IsCsv(Attachment attachment) => attachment.MediaType.StartsWith(MediaTypes.Csv, StringComparison.OrdinalIgnoreCase);

    private static string TableText(Attachment attachment)
    {
        var text = Encoding.UTF8.GetString(attachment.Content);
        return IsCsv(attachment) ? CsvToMarkdown(text) : text;
    }

    private static string Title(ScenarioRowInfo scenario) => scenario.ExampleValues.Count == 0
        ? scenario.ScenarioTitle
        : $"{scenario.ScenarioTitle} [{string.Join(", ", scenario.ExampleValues.Select(v => $"{v.Key}: {v.Value}"))}]";

    private static string Note(string? message)
    {
        var first = (message ?? string.Empty).Split('\n')[0].Trim();
        return first.Length <= MaxNoteLength ? first : first[..(MaxNoteLength - 1)] + "…";
    }

    private static string Cell(string text) =>
        text.Replace("\r", string.Empty, StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal).Replace("|", "\\|", StringComparison.Ordinal);

    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(cell.ToString());
                cell.Clear();
            }
            else if (c == '\n')
            {
                row.Add(cell.ToString());
                cell.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                cell.Append(c);
            }
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add(row);
        }

        return rows;
    }
}
