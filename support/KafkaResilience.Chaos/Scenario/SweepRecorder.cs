using System.Globalization;
using System.Text.Json;
using KafkaResilience.Reporting.Tables;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Builds the seed-shaped sweep tables across the rows of an outline. Each row is one test case, so
/// rows are kept in a file per table under the run's sweep directory (one directory per run, found
/// again by every scenario of the run); every row returns the table so far, and the table is also
/// written there as Markdown and CSV for people and the report.
/// </summary>
public sealed class SweepRecorder
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly string _directory;

    public SweepRecorder(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    public string Directory => _directory;

    /// <summary>
    /// Adds a row: <paramref name="header"/> names the columns (seed headings), <paramref name="seedRow"/> holds the
    /// row's parameters and the seed's values, <paramref name="measured"/> what this run measured, by <see cref="SweepMeasures"/> key.
    /// </summary>
    public SweepTable Add(string title, IReadOnlyList<string> header, IReadOnlyList<string> seedRow, IReadOnlyDictionary<string, double?> measured)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(seedRow);
        ArgumentNullException.ThrowIfNull(measured);
        if (header.Count != seedRow.Count)
            throw new ArgumentException($"The sweep row has {seedRow.Count} cells but the header has {header.Count}.");
        var parameters = header.Select((h, i) => (h, i)).Where(c => !SweepMeasures.IsMeasure(c.h)).ToList();
        var measures = header.Select((h, i) => (h, i)).Where(c => SweepMeasures.IsMeasure(c.h)).ToList();
        if (parameters.Count == 0)
            throw new ArgumentException($"The sweep table \"{title}\" needs at least one parameter column besides the measured ones ({string.Join(", ", SweepMeasures.Columns.Keys)}).");
        if (measures.Count == 0)
            throw new ArgumentException($"The sweep table \"{title}\" names no measured column; use some of: {string.Join(", ", SweepMeasures.Columns.Keys)}.");

        var record = new StoredRow(
            string.Join(" / ", parameters.Select(p => p.h.Trim())),
            string.Join(" / ", parameters.Select(p => seedRow[p.i].Trim())),
            [.. measures.Select(m => m.h.Trim())],
            [.. measures.Select(m => Cell(seedRow[m.i], measured.GetValueOrDefault(SweepMeasures.Columns[m.h.Trim()].Measure)))]);

        System.IO.Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, Slug(title) + ".jsonl");
        File.AppendAllText(path, JsonSerializer.Serialize(record, Json) + "\n");
        var table = Load(title, path);
        File.WriteAllText(Path.Combine(_directory, Slug(title) + ".md"), table.ToMarkdown());
        File.WriteAllText(Path.Combine(_directory, Slug(title) + ".csv"), table.ToCsv());
        return table;
    }

    private static SweepTable Load(string title, string path)
    {
        var rows = File.ReadAllLines(path)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonSerializer.Deserialize<StoredRow>(l, Json) ?? throw new InvalidDataException($"Unreadable sweep row in {path}."))
            .ToList();
        var last = rows[^1];
        // A row measured again in the same run replaces the earlier one; rows of another shape are ignored.
        var same = rows.Where(r => r.ParameterName == last.ParameterName && r.Columns.SequenceEqual(last.Columns))
            .GroupBy(r => r.Parameter).Select(g => g.Last())
            .OrderBy(r => double.TryParse(r.Parameter.Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) ? n : double.MaxValue)
            .ThenBy(r => r.Parameter, StringComparer.Ordinal).ToList();
        var columns = last.Columns.Select(c => new SweepColumn(c, SweepMeasures.Columns[c].Decimals)).ToList();
        return new SweepTable(title, last.ParameterName, columns,
            [.. same.Select(r => new SweepRow(r.Parameter, [.. r.Cells.Select(c => new SweepCell(c.Measured, c.Reference, c.Note))]))]);
    }

    private static StoredCell Cell(string seed, double? measured)
    {
        var text = seed.Trim();
        var number = text.EndsWith(" s", StringComparison.Ordinal) ? text[..^2] : text;
        return double.TryParse(number.Replace(",", "", StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var reference)
            ? new StoredCell(measured, reference, null)
            : new StoredCell(measured, null, text.Length == 0 || text == "-" ? null : $"seed: {text}");
    }

    private static string Slug(string title) =>
        string.Concat(title.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '-')).Trim('-');

    private sealed record StoredRow(string ParameterName, string Parameter, string[] Columns, StoredCell[] Cells);

    private sealed record StoredCell(double? Measured, double? Reference, string? Note);
}
