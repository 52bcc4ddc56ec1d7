namespace KafkaResilience.Reporting.Tables;

/// <summary>A measured quantity of a sweep table (e.g. "producer TPS"), with the decimals it is shown with.</summary>
public sealed record SweepColumn
{
    public SweepColumn(string name, int decimals = 0)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("a sweep column needs a name", nameof(name));
        }

        if (decimals is < 0 or > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(decimals), $"decimals must be 0..6 (was {decimals})");
        }

        Name = name;
        Decimals = decimals;
    }

    public string Name { get; }

    public int Decimals { get; }
}
