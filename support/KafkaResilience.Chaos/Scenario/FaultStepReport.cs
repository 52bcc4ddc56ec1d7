using KafkaResilience.Chaos.Faults;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// Beside a fault's step, from what the history recorded of it: when it was injected and healed (on the scenario's
/// clock, with the brokers its target resolved to), what had been acknowledged then, and what the cluster snapshot
/// before it cost (the fault waited for it). A listener of the scenario's nemesis, after the recorder and the snapshots.
/// </summary>
internal sealed class FaultStepReport : IFaultListener
{
    private readonly IScenarioScope _scope;
    private readonly FaultRecorder _recorder;
    private readonly FaultSnapshots _snapshots;

    public FaultStepReport(IScenarioScope scope, FaultRecorder recorder, FaultSnapshots snapshots)
    {
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
        _recorder = recorder ?? throw new ArgumentNullException(nameof(recorder));
        _snapshots = snapshots ?? throw new ArgumentNullException(nameof(snapshots));
    }

    public Task OnFaultAsync(FaultEvent fault, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fault);
        if (_recorder.MarkOf(fault.Fault) is not { } mark) return Task.CompletedTask;
        switch (fault.Kind)
        {
            case FaultEventKind.Injected:
                _scope.Report("injected", $"+{mark.InjectedAt.TotalSeconds:0.000} s{ScenarioNemesis.Resolved(fault.Fault)}");
                _scope.Report("acknowledged when injected", $"{mark.AcknowledgedBefore:N0} messages");
                if (_snapshots.BeforeOf(fault.Fault) is { } before)
                    _scope.Report("cluster snapshot before it", before.Error is null
                        ? $"taken in {before.TookMilliseconds:0.###} ms, which the fault waited for"
                        : $"could not be taken ({before.Error})");
                break;
            case FaultEventKind.Healed when mark.HealedAt is { } healed:
                _scope.Report("healed", $"+{healed.TotalSeconds:0.000} s");
                break;
        }
        return Task.CompletedTask;
    }
}
