using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;

namespace KafkaResilience.Steps;

/// <summary>
/// The parameter types of the step vocabulary. Each reads its value from the step's text (through
/// <see cref="StepValues"/>), so step bodies never parse; each takes the shape of its value loosely, so a value
/// the vocabulary cannot take ("sends -5 messages", "at fast messages per second") is answered with what is
/// allowed instead of an "undefined step" snippet.
/// </summary>
[Binding]
public static class ParameterTypes
{
    /// <summary>{broker}: "broker 106", "the leader of partition 2 of \"q_1\"", "the controller", "the coordinator of group \"g\"" - resolved when the fault fires.</summary>
    [StepArgumentTransformation("(" + BrokerTargetParser.Pattern + ")", Name = "broker")]
    public static BrokerTarget Broker(string text) => BrokerTargetParser.Parse(text);

    /// <summary>{brokers}: "105, 106 and 108".</summary>
    [StepArgumentTransformation("(" + StepValues.BrokerIdsPattern + ")", Name = "brokers")]
    public static IReadOnlyList<int> Brokers(string text) => StepValues.BrokerIds(text);

    /// <summary>{batch}: "60000 messages of 100 bytes".</summary>
    [StepArgumentTransformation("(" + StepValues.BatchPattern + ")", Name = "batch")]
    public static MessageBatch Batch(string text) => StepValues.Batch(text);

    /// <summary>{producers}: "a producer", "4 producers", "2 threads sharing one producer".</summary>
    [StepArgumentTransformation("(" + StepValues.ProducersPattern + ")", Name = "producers")]
    public static ProducerSetup Producers(string text) => StepValues.Producers(text);

    /// <summary>{pace}: "at 20000 messages per second", "as fast as it can".</summary>
    [StepArgumentTransformation("(" + StepValues.PacePattern + ")", Name = "pace")]
    public static SendPace Pace(string text) => StepValues.Pace(text);

    /// <summary>{latency}: "p99 latency was at most 500 ms".</summary>
    [StepArgumentTransformation("(" + StepValues.LatencyPattern + ")", Name = "latency")]
    public static LatencyBound Latency(string text) => StepValues.Latency(text);

    /// <summary>{count}: "lost messages", "messages written twice", ...</summary>
    [StepArgumentTransformation("(" + StepValues.DeliveryCountPattern + ")", Name = "count")]
    public static DeliveryCount Count(string text) => StepValues.Count(text);

    /// <summary>{expected}: "0", "12" or "reported".</summary>
    [StepArgumentTransformation("(" + StepValues.ExpectedCountPattern + ")", Name = "expected")]
    public static CountExpectation Expected(string text) => CountExpectation.Parse(text);

    /// <summary>The commit mode of "..., committing automatically" / "committing after processing".</summary>
    [StepArgumentTransformation("(" + StepValues.CommitModePattern + ")", Name = "commit")]
    public static CommitMode Commit(string text) => StepValues.Commit(text);

    /// <summary>{duration}: "500 ms", "2 seconds", "1.5 minutes", "3 hours" or "00:00:05".</summary>
    [StepArgumentTransformation("(" + DurationParser.Pattern + ")", Name = "duration")]
    public static TimeSpan Duration(string text) => DurationParser.Parse(text);

    /// <summary>A <c>| setting | value |</c> table, refused with what it lacks when it is not one.</summary>
    [StepArgumentTransformation]
    public static SettingsTable Settings(DataTable table) =>
        SettingsTable.From([.. table.Header], [.. table.Rows.Select(r => (IReadOnlyList<string>)[.. r.Values])]);
}
