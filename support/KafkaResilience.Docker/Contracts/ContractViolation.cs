namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// A container setting that breaks a rule of its image's contract: which container, which setting (an environment
/// variable, a command argument, a port or a health check), what was found, and the rule with its source.
/// </summary>
public sealed record ContractViolation(string Container, string Setting, string Found, ContractRule Rule)
{
    /// <summary>"kafka-106: KAFKA_ADVERTISED_LISTENERS = '...' breaks WIRE-CLIENT-LISTENER (...; source)".</summary>
    public override string ToString() => $"{Container}: {Setting} = '{Found}' breaks {Rule}";
}
