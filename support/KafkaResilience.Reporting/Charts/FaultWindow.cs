namespace KafkaResilience.Reporting.Charts;

/// <summary>When a fault was active (from injection to heal, in seconds since start), shaded on charts.</summary>
public sealed record FaultWindow
{
    public FaultWindow(double fromSeconds, double toSeconds, string label)
    {
        if (double.IsNaN(fromSeconds) || double.IsNaN(toSeconds) || toSeconds < fromSeconds)
        {
            throw new ArgumentException($"a fault window must end at or after its start (from {fromSeconds}, to {toSeconds})");
        }

        FromSeconds = fromSeconds;
        ToSeconds = toSeconds;
        Label = label ?? throw new ArgumentNullException(nameof(label));
    }

    public double FromSeconds { get; }

    public double ToSeconds { get; }

    public string Label { get; }
}
