using System.Globalization;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Gherkin;
using KafkaResilience.Workloads.Consuming;

namespace KafkaResilience.Steps;

/// <summary>Steps that configure and run producers and consumers, and the moments faults wait for.</summary>
[Binding]
public sealed class WorkloadSteps(ScenarioWorld world)
{
    [Given("the producer uses these settings:")]
    public void ProducerSettings(DataTable settings)
    {
        foreach (var row in settings.Rows) world.SetProducerSetting(row[0], row[1]);
    }

    [Given("the consumers use these settings:")]
    public void ConsumerSettings(DataTable settings)
    {
        foreach (var row in settings.Rows) world.SetConsumerSetting(row[0], row[1]);
    }

    [When(@"^(a producer|\d+ producers|\d+ threads sharing one producer) sends? (\d+) messages of (\d+) bytes to ""([^""]+)"" (?:at (\d+) messages per second|as fast as (?:it|they) can)$")]
    public void Send(string who, long messages, int size, string topic, string? rate)
    {
        var n = who == "a producer" ? 1 : int.Parse(who.Split(' ')[0], CultureInfo.InvariantCulture);
        var threads = who.Contains("threads", StringComparison.Ordinal);
        world.StartSending(threads ? 1 : n, threads ? n : 1, messages, size, topic,
            string.IsNullOrEmpty(rate) ? 0 : double.Parse(rate, CultureInfo.InvariantCulture));
    }

    [Given("{long} messages of {int} bytes have been written to {string}")]
    public Task Prefilled(long messages, int size, string topic) => world.PrefillAsync(messages, size, topic);

    [Given(@"^(\d+) consumers? in group ""([^""]+)"" (?:is|are) reading ""([^""]+)""(?:, committing (automatically|after processing))?$")]
    public void Reading(int consumers, string group, string topic, string? commit) =>
        world.StartReading(consumers, group, topic, commit switch
        {
            "automatically" => CommitMode.Auto,
            "after processing" => CommitMode.AfterProcessing,
            _ => null,
        });

    [When(@"^(\d+) consumers? in group ""([^""]+)"" reads? all (\d+) messages of ""([^""]+)""(?: (\d+) times?)? within (\d+) seconds$")]
    public Task ReadAll(int consumers, string group, long messages, string topic, int? passes, int seconds) =>
        world.ReadAllAsync(consumers, group, topic, messages, TimeSpan.FromSeconds(seconds), passes ?? 1);

    [When(@"^(\d+) consumers? in group ""([^""]+)"" reads? all acknowledged messages of ""([^""]+)"" within (\d+) seconds$")]
    public Task ReadAllAcknowledged(int consumers, string group, string topic, int seconds) =>
        world.ReadAllAcknowledgedAsync(consumers, group, topic, TimeSpan.FromSeconds(seconds));

    [When("{int}% of the messages have been acknowledged")]
    public Task Acknowledged(int percent) => world.WaitAcknowledgedAsync(percent / 100.0);

    [When(@"^the producers? (?:has|have) finished within (\d+) seconds$")]
    public Task Finished(int seconds) => world.WaitSendFinishedAsync(TimeSpan.FromSeconds(seconds));

    [When("the consumers have read every acknowledged message within {int} seconds")]
    public Task CaughtUp(int seconds) => world.WaitCaughtUpAsync(TimeSpan.FromSeconds(seconds), strict: true);

    [When("the consumers have read every message they can within {int} seconds")]
    public Task ReadWhatTheyCan(int seconds) => world.WaitCaughtUpAsync(TimeSpan.FromSeconds(seconds), strict: false);

    [When(@"^(\d+(?:\.\d+)?) seconds? (?:has|have) passed$")]
    public Task TimePasses(double seconds) => Task.Delay(TimeSpan.FromSeconds(seconds));

    [When("consumer {int} of group {string} crashes")]
    public Task Crash(int consumer, string group) => world.CrashConsumerAsync(group, consumer);

    [When("consumer {int} of group {string} is restarted")]
    public void Restart(int consumer, string group) => world.RestartConsumer(group, consumer);

    [Given("group {string} has its partitions within {int} seconds")]
    public Task Assigned(string group, int seconds) => world.WaitGroupAssignedAsync(group, TimeSpan.FromSeconds(seconds));
}
