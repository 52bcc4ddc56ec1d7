namespace KafkaResilience.Cluster;

/// <summary>
/// What a target can do to a broker's process (Jepsen's db Kill and Pause protocols): kill, stop cleanly, start,
/// pause, resume. Implemented by targets that own their brokers (embedded, docker); a cluster someone else runs
/// (external) does not have it, so a fault that needs it finds out by a type test, before anything is done.
/// </summary>
public interface IBrokerFaults
{
    /// <summary>Hard kill (SIGKILL-like): connections drop, nothing is flushed.</summary>
    Task KillAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Clean shutdown: leadership is handed over before the broker goes.</summary>
    Task StopAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Start a killed or stopped broker; it rejoins, leadership stays where it is.</summary>
    Task StartAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Freeze a broker: connections stay open but nothing is answered.</summary>
    Task PauseAsync(int brokerId, CancellationToken cancellationToken = default);

    /// <summary>Undo <see cref="PauseAsync"/>.</summary>
    Task ResumeAsync(int brokerId, CancellationToken cancellationToken = default);
}
