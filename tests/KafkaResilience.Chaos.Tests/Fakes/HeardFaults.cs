using KafkaResilience.Chaos.Faults;

namespace KafkaResilience.Chaos.Tests.Fakes;

/// <summary>A nemesis listener that keeps what it heard ("Injected kill broker 106"), and fails on the kinds it is told to.</summary>
internal sealed class HeardFaults(params FaultEventKind[] failOn) : IFaultListener
{
    private readonly List<string> _events = [];

    public IReadOnlyList<string> Events
    {
        get { lock (_events) return [.. _events]; }
    }

    public Task OnFaultAsync(FaultEvent fault, CancellationToken cancellationToken)
    {
        lock (_events) _events.Add($"{fault.Kind} {fault.Fault.Description}");
        return failOn.Contains(fault.Kind) ? Task.FromException(new InvalidOperationException($"listener fails on {fault.Kind}")) : Task.CompletedTask;
    }
}
