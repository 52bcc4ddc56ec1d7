namespace KafkaResilience.Chaos.Fit;

/// <summary>A group that starts at step <paramref name="Step"/> and must read every message acknowledged on <paramref name="Topic"/> so far.</summary>
public sealed record LateRead(int Step, string Topic, string Group);
