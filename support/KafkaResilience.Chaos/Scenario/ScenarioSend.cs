using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// One "... sends N messages ..." of a scenario (or the messages written before it): its number, what it
/// planned, its total rate, its workloads (one per topic) and the producer streams that recorded it. The
/// judge finds a send's records by its streams' ids, never by a name.
/// </summary>
public sealed class ScenarioSend
{
    private readonly IReadOnlyList<ProducerRecorder> _streams;

    internal ScenarioSend(int number, long planned, double ratePerSecond, int messageSize, IReadOnlyList<ProducerWorkload> workloads, IReadOnlyList<ProducerRecorder> streams)
    {
        Number = number;
        Planned = planned;
        RatePerSecond = ratePerSecond;
        MessageSize = messageSize;
        Workloads = workloads;
        _streams = streams;
        StreamIds = [.. streams.Select(s => s.Id)];
    }

    /// <summary>1 for the scenario's first send, 2 for the next; 0 for messages written before the scenario's action.</summary>
    public int Number { get; }

    public long Planned { get; }

    /// <summary>Messages per second over every topic; 0 = as fast as possible.</summary>
    public double RatePerSecond { get; }

    public int MessageSize { get; }

    public IReadOnlyList<ProducerWorkload> Workloads { get; }

    /// <summary>The producer ids of the streams that recorded this send.</summary>
    public IReadOnlyList<int> StreamIds { get; }

    /// <summary>True when every workload has finished (every message has an outcome, or it was stopped).</summary>
    public bool IsCompleted => Workloads.All(w => w.IsCompleted);

    public long OkCount => _streams.Sum(s => s.OkCount);

    public long SentCount => _streams.Sum(s => s.SentCount);

    public long FailedCount => _streams.Sum(s => s.FailedCount);

    public long UnknownCount => _streams.Sum(s => s.UnknownCount);
}
