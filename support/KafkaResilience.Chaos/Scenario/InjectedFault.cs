using KafkaResilience.Chaos.Faults;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>A fault the scenario injected: the fault, the brokers its target resolved to, and its mark on the scenario's history.</summary>
public sealed record InjectedFault(IFault Fault, IReadOnlyList<int> Brokers, FaultMark Mark);
