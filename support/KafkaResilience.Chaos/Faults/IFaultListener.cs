namespace KafkaResilience.Chaos.Faults;

/// <summary>
/// Hears every fault the nemesis injects and heals, in order, and is awaited at each step (the single seam through
/// which a fault's course reaches the history, the cluster snapshots and the report, as Polly's telemetry listener is
/// for its strategies). A listener that fails before an injection stops the fault (nothing was done yet); one that fails
/// around a heal never stops the heal: its failure is handed back with the heal's.
/// </summary>
public interface IFaultListener
{
    Task OnFaultAsync(FaultEvent fault, CancellationToken cancellationToken);
}
