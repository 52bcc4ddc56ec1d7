namespace KafkaResilience.Workloads.Checkers;

/// <summary>Formats a wall-clock instant as seconds since the run's origin ("+12.345s"), how reports place events on the timeline.</summary>
internal static class WallClockExtensions
{
    public static string Elapsed(this DateTimeOffset origin, DateTimeOffset at) => $"+{(at - origin).TotalSeconds:0.000}s";
}
