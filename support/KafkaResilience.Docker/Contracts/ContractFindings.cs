namespace KafkaResilience.Docker.Contracts;

/// <summary>The violations one check pass collects, with the rules it applied (so a report can say what was checked).</summary>
public sealed class ContractFindings
{
    private readonly List<ContractViolation> _violations = [];
    private readonly HashSet<string> _applied = new(StringComparer.Ordinal);

    public IReadOnlyList<ContractViolation> Violations => _violations;

    /// <summary>Ids of the rules applied to at least one container.</summary>
    public IReadOnlyCollection<string> Applied => _applied;

    /// <summary>Records that <paramref name="rule"/> was applied, and a violation unless <paramref name="holds"/>.</summary>
    public void Expect(bool holds, ContractRule rule, ContainerUnderContract container, string setting, string? found)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(container);
        _applied.Add(rule.Id);
        if (!holds)
            _violations.Add(new ContractViolation(container.Name, setting, found ?? "(not set)", rule));
    }
}
