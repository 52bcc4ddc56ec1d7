using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Tests.Fakes;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Chaos.Tests.Scenario;

/// <summary>
/// A scenario's roles over a fake cluster and a history written by hand, operation by operation, at chosen
/// seconds: the judge's test fixture. Sends and groups are tracked as the workloads would track them.
/// </summary>
internal sealed class LiteralScenario
{
    private int _sends;

    public LiteralScenario(DateTimeOffset? runStart = null)
    {
        Scope = new LiteralScope(Output.Add) { RunStart = runStart ?? new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero) };
        History = new ScenarioHistory(new LedgerOptions { Clock = Clock, RunTag = 7 });
        Cluster = new ScenarioCluster(Scope, History, LiteralTargets.Embedded());
        Cluster.Use(Fake, Fake);
        Producers = new ScenarioProducers(Cluster, History, Scope);
        Consumers = new ScenarioConsumers(Cluster, History, Producers, Scope);
        Nemesis = new ScenarioNemesis(Cluster, History, Scope);
        Judge = new ScenarioJudge(Cluster, History, Producers, Consumers, Scope);
    }

    public ManualClock Clock { get; } = new();
    public FakeKafkaCluster Fake { get; } = new();
    public List<string> Output { get; } = [];
    public LiteralScope Scope { get; }
    public ScenarioCluster Cluster { get; }
    public ScenarioHistory History { get; }
    public ScenarioProducers Producers { get; }
    public ScenarioConsumers Consumers { get; }
    public ScenarioNemesis Nemesis { get; }
    public ScenarioJudge Judge { get; }

    /// <summary>A send of <paramref name="planned"/> messages by <paramref name="streams"/> producer streams (prefill: messages written before the action).</summary>
    public IReadOnlyList<ProducerRecorder> Send(long planned, int streams = 1, bool prefill = false)
    {
        var number = prefill ? 0 : ++_sends;
        var recorders = Enumerable.Range(0, streams).Select(i => History.Ledger.AddProducer($"{(prefill ? "prefill" : $"send{number}")}-{i}", 100)).ToList();
        Producers.Track(new ScenarioSend(number, planned, 0, 100, [], recorders));
        return recorders;
    }

    /// <summary>Sends <paramref name="seq"/> at <paramref name="sentAt"/> and records its outcome at <paramref name="at"/>.</summary>
    public LiteralScenario Ack(ProducerRecorder stream, long seq, double sentAt, double at, SendOutcome outcome = SendOutcome.Ok, int partition = 0, long offset = -1)
    {
        stream.Sent(seq, Clock.At(sentAt));
        stream.Outcome(seq, outcome, partition, offset < 0 ? seq : offset, Clock.At(sentAt), Clock.At(at));
        return this;
    }

    /// <summary>Sends and acknowledges sequences [from, to) at one moment, one offset each.</summary>
    public LiteralScenario AckRange(ProducerRecorder stream, long from, long to, double at, int partition = 0)
    {
        for (var s = from; s < to; s++) Ack(stream, s, at, at, SendOutcome.Ok, partition, s);
        return this;
    }

    /// <summary>A group of <paramref name="members"/> consumers named name-0 .. name-(N-1).</summary>
    public IReadOnlyList<ConsumerRecorder> Group(string name, int members)
    {
        var recorders = Enumerable.Range(0, members).Select(i => History.Ledger.AddConsumer($"{name}-{i}")).ToList();
        Consumers.Track(new ScenarioGroup(name, [], null, recorders));
        return recorders;
    }

    /// <summary>A consumer reads record <paramref name="seq"/> of a stream at <paramref name="at"/>.</summary>
    public LiteralScenario Read(ConsumerRecorder consumer, ProducerRecorder stream, long seq, double at, int partition = 0, long offset = -1)
    {
        var payload = PayloadFormat.NewBuffer(100, new PayloadHeader(History.Ledger.RunTag, stream.Id, seq, Clock.At(at)));
        consumer.Consumed(partition, offset < 0 ? seq : offset, payload, Clock.At(at));
        return this;
    }

    /// <summary>Reads sequences [from, to) of a stream at one moment.</summary>
    public LiteralScenario ReadRange(ConsumerRecorder consumer, ProducerRecorder stream, long from, long to, double at, int partition = 0)
    {
        for (var s = from; s < to; s++) Read(consumer, stream, s, at, partition, s);
        return this;
    }

    /// <summary>Creates a topic on the fake cluster (leaders 105, 106, 108, 105, ... by partition).</summary>
    public async Task TopicAsync(string name, int partitions) => await Cluster.CreateTopicAsync(name, partitions, 3);

    /// <summary>Kills a broker at <paramref name="at"/> seconds through the nemesis, as the fault step does.</summary>
    public async Task KillAsync(int broker, double at)
    {
        Clock.Set(at);
        await Nemesis.InjectAsync(new KillBrokerFault(new SpecificBroker(broker)));
    }

    /// <summary>Runs a step at <paramref name="at"/> seconds: its recorded verdict, and the failure it raised (null when it passed).</summary>
    public (StepVerdict Verdict, ScenarioVerdictException? Failure) Step(string text, Action step, double at = 100)
    {
        var before = Begin(text, at);
        ScenarioVerdictException? failure = null;
        try
        {
            step();
        }
        catch (ScenarioVerdictException e)
        {
            failure = e;
        }
        return (Recorded(text, before), failure);
    }

    public async Task<(StepVerdict Verdict, ScenarioVerdictException? Failure)> StepAsync(string text, Func<Task> step, double at = 100)
    {
        var before = Begin(text, at);
        ScenarioVerdictException? failure = null;
        try
        {
            await step();
        }
        catch (ScenarioVerdictException e)
        {
            failure = e;
        }
        return (Recorded(text, before), failure);
    }

    private int Begin(string text, double at)
    {
        Clock.Set(at);
        Scope.TestStep = text;
        return Judge.Verdicts.Count;
    }

    private StepVerdict Recorded(string text, int before)
    {
        if (Judge.Verdicts.Count != before + 1)
            throw new InvalidOperationException($"The step \"{text}\" recorded {Judge.Verdicts.Count - before} verdicts; a judged step records exactly one.");
        return Judge.Verdicts[^1];
    }
}
