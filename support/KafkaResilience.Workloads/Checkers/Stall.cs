namespace KafkaResilience.Workloads.Checkers;

/// <summary>A period without progress while work was waiting; <see cref="End"/> is null when it had not ended when the run stopped.</summary>
public sealed record Stall(TimeSpan Start, TimeSpan? End, TimeSpan Duration)
{
    public bool Ended => End is not null;

    public override string ToString() =>
        $"{Start.TotalSeconds:0.0}s-{(End is { } e ? $"{e.TotalSeconds:0.0}s" : "end (never resumed)")} ({Duration.TotalSeconds:0.0}s)";
}
