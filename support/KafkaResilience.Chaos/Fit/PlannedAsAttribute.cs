namespace KafkaResilience.Chaos.Fit;

/// <summary>
/// Names, on a step definition, the <see cref="IPlannedStep"/> its bound values make: a record whose constructor takes
/// the step's typed values (matched by type, in order among values of one type), so that rewording a step's text never
/// changes what the target is asked to judge. A step without it needs nothing of the target.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PlannedAsAttribute(Type plannedStep) : Attribute
{
    public Type PlannedStep { get; } = plannedStep ?? throw new ArgumentNullException(nameof(plannedStep));
}
