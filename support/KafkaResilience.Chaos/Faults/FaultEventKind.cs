namespace KafkaResilience.Chaos.Faults;

/// <summary>Where a fault is in its course, as the nemesis tells its listeners.</summary>
public enum FaultEventKind
{
    /// <summary>About to be injected: the target can do it, nothing has been done yet (a listener may look at the cluster first).</summary>
    Injecting,

    /// <summary>Injected: its target resolved, its effect under way.</summary>
    Injected,

    /// <summary>About to be healed, while it still holds.</summary>
    Healing,

    /// <summary>Healed (or, for a fault that heals itself, over).</summary>
    Healed,
}
