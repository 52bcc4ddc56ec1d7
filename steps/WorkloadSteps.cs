using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Workloads.Consuming;

namespace KafkaResilience.Steps;

/// <summary>Steps that configure and start producers and consumers, crash and restart consumers.</summary>
[Binding]
public sealed class WorkloadSteps(ScenarioProducers producers, ScenarioConsumers consumers)
{
    [Given("the producer uses these settings:")]
    public void ProducerSettings(SettingsTable settings) => producers.SetSettings(settings.Settings);

    [Given("the consumers use these settings:")]
    public void ConsumerSettings(SettingsTable settings) => consumers.SetSettings(settings.Settings);

    [When("{producers} send(s) {batch} to {string} {pace}")]
    [PlannedAs(typeof(SendPlanned))]
    public void Send(ProducerSetup who, MessageBatch batch, string topic, SendPace pace) => producers.StartSending(who, batch, topic, pace);

    [Given("{batch} have/has been written to {string}")]
    [PlannedAs(typeof(Prefilled))]
    public Task Prefilled(MessageBatch batch, string topic) => producers.PrefillAsync(batch.Count, batch.Size, topic);

    [Given("{batch} have/has been written to {string}, more than the target keeps")]
    public Task PrefilledPastRetention(MessageBatch batch, string topic) => producers.PrefillAsync(batch.Count, batch.Size, topic, pastRetention: true);

    [Given("{int} consumer(s) in group {string} is/are reading {string}")]
    [PlannedAs(typeof(GroupReading))]
    public Task Reading(int count, string group, string topic) => consumers.StartReadingAsync(count, group, topic, null);

    [Given("{int} consumer(s) in group {string} is/are reading {string}, committing {commit}")]
    [PlannedAs(typeof(GroupReading))]
    public Task ReadingCommitting(int count, string group, string topic, CommitMode commit) => consumers.StartReadingAsync(count, group, topic, commit);

    [When("consumer {int} of group {string} crashes")]
    [PlannedAs(typeof(ConsumerCrashed))]
    public Task Crash(int consumer, string group) => consumers.CrashAsync(group, consumer);

    [When("consumer {int} of group {string} is restarted")]
    [PlannedAs(typeof(ConsumerRestarted))]
    public void Restart(int consumer, string group) => consumers.Restart(group, consumer);

    [Given("group {string} has its partitions within {int} seconds")]
    public Task Assigned(string group, int seconds) => consumers.WaitAssignedAsync(group, TimeSpan.FromSeconds(seconds));

    [When("the consumers have read every message they can within {int} seconds")]
    public Task ReadWhatTheyCan(int seconds) => consumers.WaitCaughtUpAsync(TimeSpan.FromSeconds(seconds));
}
