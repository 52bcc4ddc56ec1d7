namespace KafkaResilience.Workloads.Checkers;

/// <summary>Which side of a bound a measured value must stay on: at most (a ceiling) or at least (a floor); the bound itself holds.</summary>
public enum BoundDirection
{
    AtMost,
    AtLeast,
}
