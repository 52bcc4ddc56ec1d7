namespace KafkaResilience.Reqnroll.Tests.SelfTest;

/// <summary>Per-scenario state of the self-test features: a running total.</summary>
public sealed class Calculator
{
    public long Total { get; set; }
}
