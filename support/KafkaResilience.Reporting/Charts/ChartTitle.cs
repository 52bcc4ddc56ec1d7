namespace KafkaResilience.Reporting.Charts;

/// <summary>
/// Fits a chart title to the image width: wraps it at spaces onto at most two lines and ends it with
/// an ellipsis when even two lines are too short (a long scenario title is otherwise clipped at both edges).
/// </summary>
public static class ChartTitle
{
    /// <summary>Width in pixels that one character of the title takes, on average (ScottPlot's default title font).</summary>
    public const double PixelsPerCharacter = 11;

    /// <summary>Lines a title may take.</summary>
    public const int MaxLines = 2;

    /// <summary>The title as it fits an image <paramref name="widthPixels"/> wide (lines joined by '\n').</summary>
    public static string Fit(string title, int widthPixels)
    {
        ArgumentNullException.ThrowIfNull(title);
        var budget = Math.Max(10, (int)((widthPixels - 40) / PixelsPerCharacter));
        var text = string.Join(' ', title.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length <= budget) return text;

        var lines = new List<string>();
        var rest = text;
        while (rest.Length > 0 && lines.Count < MaxLines)
        {
            if (rest.Length <= budget) { lines.Add(rest); rest = ""; break; }
            var cut = rest.LastIndexOf(' ', budget);
            if (cut <= 0) cut = budget;
            lines.Add(rest[..cut].TrimEnd());
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
        {
            var last = lines[^1];
            lines[^1] = (last.Length >= budget ? last[..(budget - 1)] : last).TrimEnd() + "…";
        }
        return string.Join('\n', lines);
    }
}
