namespace KafkaResilience.Chaos.Faults;

/// <summary>One step of a fault's course (<see cref="FaultEventKind"/>), with the fault; its resolved brokers are known from <see cref="FaultEventKind.Injected"/> on.</summary>
public sealed record FaultEvent(FaultEventKind Kind, IFault Fault);
