namespace KafkaResilience.Docker.Contracts;

/// <summary>
/// One rule of an image's documented contract (an environment variable it needs or refuses, a port, a listener, a
/// command, a health check), with the source that states it. Rules are data: the checkers name the rule a container
/// breaks, never a bare message.
/// </summary>
public sealed record ContractRule(string Id, string Statement, ContractSource Source)
{
    public override string ToString() => $"{Id} ({Statement}; {Source})";
}
