using System.Globalization;
using System.Text;
using KafkaResilience.Reporting.Allure;
using KafkaResilience.Reporting.Charts;

namespace KafkaResilience.Reporting.Tables;

/// <summary>
/// A seed-shaped sweep table (one row per topics / partitions / consumers setting) holding measured values next
/// to the seed report's, rendered as Markdown (for the summary and the report) and CSV (for spreadsheets).
/// </summary>
public sealed class SweepTable
{
    public SweepTable(string title, string parameterName, IReadOnlyList<SweepColumn> columns, IReadOnlyList<SweepRow> rows)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            throw new ArgumentException("a sweep table needs a title", nameof(title));
        }

        if (string.IsNullOrWhiteSpace(parameterName))
        {
            throw new ArgumentException("a sweep table needs the swept parameter's name", nameof(parameterName));
        }

        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        if (columns.Count == 0)
        {
            throw new ArgumentException("a sweep table needs at least one column", nameof(columns));
        }

        foreach (var row in rows)
        {
            if (row.Cells.Count != columns.Count)
            {
                throw new ArgumentException(
                    $"row '{row.Parameter}' has {row.Cells.Count} cells but the table has {columns.Count} columns ({string.Join(", ", columns.Select(c => c.Name))})",
                    nameof(rows));
            }
        }

        Title = title;
        ParameterName = parameterName;
        Columns = columns;
        Rows = rows;
    }

    public string Title { get; }

    public string ParameterName { get; }

    public IReadOnlyList<SweepColumn> Columns { get; }

    public IReadOnlyList<SweepRow> Rows { get; }

    /// <summary>Markdown: a heading, then per column "measured" and "seed" side by side, notes in a last column.</summary>
    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.Append("#### ").Append(Title).Append("\n\n");
        md.Append("| ").Append(ParameterName);
        foreach (var column in Columns)
        {
            md.Append(" | ").Append(column.Name).Append(" (measured) | ").Append(column.Name).Append(" (seed)");
        }

        md.Append(" | note |\n|---");
        md.Append(string.Concat(Enumerable.Repeat("|---:|---:", Columns.Count))).Append("|---|\n");
        foreach (var row in Rows)
        {
            md.Append("| ").Append(row.Parameter);
            for (var i = 0; i < Columns.Count; i++)
            {
                md.Append(" | ").Append(Format(row.Cells[i].Measured, Columns[i].Decimals, thousands: true))
                  .Append(" | ").Append(Format(row.Cells[i].Reference, Columns[i].Decimals, thousands: true));
            }

            md.Append(" | ").Append(string.Join("; ", row.Cells.Select(c => c.Note).Where(n => !string.IsNullOrWhiteSpace(n)))).Append(" |\n");
        }

        return md.ToString().Replace("\r", string.Empty, StringComparison.Ordinal);
    }

    /// <summary>CSV: header <c>parameter,&lt;column&gt; measured,&lt;column&gt; seed,...,note</c>; plain invariant numbers.</summary>
    public string ToCsv()
    {
        var header = new List<string> { ParameterName };
        foreach (var column in Columns)
        {
            header.Add($"{column.Name} measured");
            header.Add($"{column.Name} seed");
        }

        header.Add("note");
        var csv = new StringBuilder();
        csv.Append(string.Join(',', header.Select(AllureScenarioMapper.CsvCell))).Append("\r\n");
        foreach (var row in Rows)
        {
            var cells = new List<string> { row.Parameter };
            for (var i = 0; i < Columns.Count; i++)
            {
                cells.Add(Format(row.Cells[i].Measured, Columns[i].Decimals, thousands: false));
                cells.Add(Format(row.Cells[i].Reference, Columns[i].Decimals, thousands: false));
            }

            cells.Add(string.Join("; ", row.Cells.Select(c => c.Note).Where(n => !string.IsNullOrWhiteSpace(n))));
            csv.Append(string.Join(',', cells.Select(AllureScenarioMapper.CsvCell))).Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>The chart of this table: bars of <paramref name="throughputColumn"/> (measured and seed), a line of <paramref name="latencyColumn"/>.</summary>
    public SweepChart ToChart(string throughputColumn, string? latencyColumn, string throughputUnit = "msg/s")
    {
        var t = IndexOf(throughputColumn);
        var l = latencyColumn is null ? -1 : IndexOf(latencyColumn);
        return new SweepChart(
            Title,
            ParameterName,
            Rows.Select(r => new SweepChartPoint(r.Parameter, r.Cells[t].Measured, r.Cells[t].Reference, l < 0 ? null : r.Cells[l].Measured)).ToList(),
            throughputUnit);
    }

    private int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Count; i++)
        {
            if (Columns[i].Name == column)
            {
                return i;
            }
        }

        throw new ArgumentException($"no column '{column}' in sweep table '{Title}'; columns are: {string.Join(", ", Columns.Select(c => c.Name))}", nameof(column));
    }

    private static string Format(double? value, int decimals, bool thousands) =>
        value is not { } v ? (thousands ? "–" : string.Empty)
        : v.ToString((thousands ? "N" : "F") + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
