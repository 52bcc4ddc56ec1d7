using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.History.Observations;

namespace KafkaResilience.Workloads.Tests;

/// <summary>Writes a history by hand, operation by operation, at chosen seconds (the checkers' test fixture).</summary>
internal sealed class LiteralHistory
{
    public ManualClock Clock { get; } = new();
    public HistoryLedger Ledger { get; }
    private readonly List<ProducerRecorder> _producers = [];
    private readonly Dictionary<string, ConsumerRecorder> _consumers = [];

    public LiteralHistory(double bucketSeconds = 0.1)
    {
        Ledger = new HistoryLedger(new LedgerOptions { Clock = Clock, RunTag = 7, BucketWidth = TimeSpan.FromSeconds(bucketSeconds) });
    }

    public ProducerRecorder Producer(int id)
    {
        while (_producers.Count <= id) _producers.Add(Ledger.AddProducer($"producer-{_producers.Count}", 100));
        return _producers[id];
    }

    /// <summary>The next producer stream writes <paramref name="topic"/> (by name, as the scenario's producers do).</summary>
    public LiteralHistory WritesTo(string topic)
    {
        _producers.Add(Ledger.AddProducer($"producer-{_producers.Count}", 100, topic));
        return this;
    }

    public LiteralHistory Send(int producer, long seq, double at)
    {
        Producer(producer).Sent(seq, Clock.At(at));
        return this;
    }

    public LiteralHistory Ack(int producer, long seq, double sentAt, double at, SendOutcome outcome = SendOutcome.Ok, int partition = 0, long offset = -1)
    {
        Send(producer, seq, sentAt);
        Producer(producer).Outcome(seq, outcome, partition, offset, Clock.At(sentAt), Clock.At(at));
        return this;
    }

    /// <summary>Sends and acks ok sequences [from, to) of a producer, one per offset starting at <paramref name="firstOffset"/>.</summary>
    public LiteralHistory AckRange(int producer, long from, long to, double at, int partition = 0, long firstOffset = 0)
    {
        for (var s = from; s < to; s++) Ack(producer, s, at, at, SendOutcome.Ok, partition, firstOffset + (s - from));
        return this;
    }

    /// <summary>A consumer recorder by name; the first use records it as a reader of anything (a hand-written history's consumers read what they are given).</summary>
    public ConsumerRecorder Consumer(string name)
    {
        if (_consumers.TryGetValue(name, out var c)) return c;
        Ledger.AddReader(name, "*");
        return _consumers[name] = Ledger.AddConsumer(name);
    }

    public LiteralHistory Read(string consumer, int producer, long seq, int partition, long offset, double at, double sentAt = 0)
    {
        var c = Consumer(consumer);
        var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(Ledger.RunTag, producer, seq, Clock.At(sentAt)));
        c.Consumed(partition, offset, payload, Clock.At(at));
        return this;
    }

    public LiteralHistory ReadRange(string consumer, int producer, long from, long to, int partition, long firstOffset, double at)
    {
        for (var s = from; s < to; s++) Read(consumer, producer, s, partition, firstOffset + (s - from), at, at);
        return this;
    }

    /// <summary>A consumer's offset reset on a partition at a chosen second: about to read <paramref name="from"/>, it next read <paramref name="to"/>.</summary>
    public LiteralHistory Reset(string consumer, int partition, long from, long? to, OffsetResetKind kind, double at, string reason = "test reset")
    {
        var c = Consumer(consumer);
        c.OffsetReset(partition, from, to, kind, reason, Clock.At(at));
        return this;
    }

    public FaultMark Fault(string name, double at) => Ledger.BeginFault(name, "test fault", Clock.At(at));

    /// <summary>A fault aimed at <paramref name="brokers"/> (as its target resolved), injected at a chosen second.</summary>
    public FaultMark Fault(string name, double at, params int[] brokers) =>
        Ledger.BeginFault(name, $"broker {string.Join(", ", brokers)}", brokers, Clock.At(at));

    public LiteralHistory LeaderChange(string topic, int partition, int from, int to, double at)
    {
        Ledger.RecordLeadershipChange(new LeadershipChange(Clock.WallAt(at), topic, partition, from, to, "test"));
        return this;
    }

    /// <summary>A topic's leaders by partition (0, 1, ...) read into the history at a chosen second, and why.</summary>
    public LiteralHistory Leaders(LeadersMoment moment, string topic, double at, params int?[] leaders)
    {
        Clock.Set(at);
        Ledger.RecordLeaders(moment, new PartitionLeaders(topic, leaders.Select((l, p) => (p, l)).ToDictionary(x => x.p, x => x.l)));
        return this;
    }

    /// <summary>A topic the scenario created.</summary>
    public LiteralHistory Topic(string name, int partitions)
    {
        Ledger.RecordTopic(name, partitions);
        return this;
    }

    /// <summary>The outcome of a judged wait, recorded at a chosen second.</summary>
    public LiteralHistory Wait(string name, string what, TimeSpan bound, TimeSpan? reachedAfter, double at, string? detail = null)
    {
        Clock.Set(at);
        Ledger.RecordWait(name, what, bound, reachedAfter, detail);
        return this;
    }

    public HistorySnapshot Snapshot(double at)
    {
        Clock.Set(at);
        return Ledger.Snapshot();
    }
}
