namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>
/// A step's table of client settings, read as the step expects it: a header row <c>| setting | value |</c> and one row per
/// setting. A table without that header (its first row would be taken as the header and no setting applied), with a
/// column the step does not take, or with no setting, is refused with what it lacks, never applied in part.
/// </summary>
public sealed record SettingsTable(IReadOnlyList<(string Name, string Value)> Settings)
{
    public static readonly IReadOnlyList<string> Columns = ["setting", "value"];

    /// <summary>The settings of a table with <paramref name="header"/> and <paramref name="rows"/>; throws <see cref="FormatException"/> naming what is wrong.</summary>
    public static SettingsTable From(IReadOnlyList<string> header, IReadOnlyList<IReadOnlyList<string>> rows)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(rows);
        var names = header.Select(h => h.Trim()).ToList();
        var expected = "| " + string.Join(" | ", Columns) + " |";
        var known = names.Where(n => Columns.Contains(n, StringComparer.OrdinalIgnoreCase)).ToList();
        if (known.Count == 0)
            throw new FormatException($"the settings table has no header row: its first row | {string.Join(" | ", names)} | is read as the header, so no setting would be applied; start the table with {expected}");
        if (names.FirstOrDefault(n => !Columns.Contains(n, StringComparer.OrdinalIgnoreCase)) is { } unknown)
            throw new FormatException($"the settings table has the column \"{unknown}\", which it does not take; its columns are {expected}");
        if (Columns.FirstOrDefault(c => !known.Contains(c, StringComparer.OrdinalIgnoreCase)) is { } missing)
            throw new FormatException($"the settings table lacks the column \"{missing}\"; its columns are {expected}");
        if (rows.Count == 0)
            throw new FormatException($"the settings table has its header and no setting; add a row | <setting> | <value> | under {expected}");
        var setting = names.FindIndex(n => n.Equals("setting", StringComparison.OrdinalIgnoreCase));
        var value = names.FindIndex(n => n.Equals("value", StringComparison.OrdinalIgnoreCase));
        var settings = new List<(string, string)>();
        for (var i = 0; i < rows.Count; i++)
        {
            if (rows[i].Count != names.Count)
                throw new FormatException($"row {i + 1} of the settings table has {rows[i].Count} cells, its header {names.Count}");
            if (string.IsNullOrWhiteSpace(rows[i][setting]))
                throw new FormatException($"row {i + 1} of the settings table names no setting");
            settings.Add((rows[i][setting].Trim(), rows[i][value].Trim()));
        }

        return new SettingsTable(settings);
    }
}
