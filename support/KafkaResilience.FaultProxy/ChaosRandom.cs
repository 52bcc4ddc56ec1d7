namespace KafkaResilience.FaultProxy;

/// <summary>Thread-safe seeded (or injected) random source for toxicity rolls, jitter and slicing.</summary>
internal sealed class ChaosRandom
{
    private readonly Func<double>? custom;
    private readonly Random random;
    private readonly Lock gate = new();

    public ChaosRandom(int seed, Func<double>? custom)
    {
        this.custom = custom;
        random = new Random(seed);
    }

    /// <summary>A value in [0, 1).</summary>
    public double NextDouble()
    {
        lock (gate)
        {
            var value = custom?.Invoke() ?? random.NextDouble();
            return value is >= 0 and < 1 ? value : Math.Clamp(value, 0, Math.BitDecrement(1.0));
        }
    }

    /// <summary>A value in [0, maxExclusive); 0 when maxExclusive is not positive.</summary>
    public long NextInt64(long maxExclusive) =>
        maxExclusive <= 0 ? 0 : Math.Min(maxExclusive - 1, (long)(NextDouble() * maxExclusive));
}
