using KafkaResilience.Chaos.Faults;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// A fault the scenario injected: the fault, the brokers its target resolved to, its mark on the scenario's history,
/// and how many sends were acknowledged when it took effect (so a report shows where in the send it struck).
/// </summary>
public sealed record InjectedFault(IFault Fault, IReadOnlyList<int> Brokers, FaultMark Mark, long AcknowledgedAtInjection = 0);
