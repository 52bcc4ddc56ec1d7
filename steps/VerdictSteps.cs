using System.Globalization;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Gherkin;

namespace KafkaResilience.Steps;

/// <summary>Then-steps: each judges the recorded history (or the cluster's state) and reports the exact numbers.</summary>
[Binding]
public sealed class VerdictSteps(ScenarioWorld world)
{
    [Then("every message was acknowledged")]
    public void AllAcknowledged() => world.AssertAllAcknowledged();

    [Then("no acknowledged message is lost")]
    public void NothingLost() => world.AssertNothingLost();

    [Then("the order within every partition is kept")]
    public void OrderKept() => world.AssertOrderKept();

    [Then(@"^the producers? sent at least (\d+) messages per second$")]
    public void ProducerFloor(double floor) => world.AssertProducerRateAtLeast(floor);

    [Then(@"^the producer's (p50|p95|p99|p99\.9|max|average) latency was at (most|least) (\d+(?:\.\d+)?) ms$")]
    public void ProducerLatency(string percentile, string bound, double milliseconds) =>
        world.AssertProducerLatency(percentile, bound == "most", milliseconds);

    [Then("the consumers read at least {int} messages per second")]
    public void ConsumerFloor(int floor) => world.AssertConsumerRateAtLeast(floor);

    [Then("exactly {int} consumers received no message")]
    public void Idle(int idle) => world.AssertIdleConsumers(idle);

    [Then("exactly {int} consumers of group {string} received no message")]
    public void IdleInGroup(int idle, string group) => world.AssertIdleConsumers(idle, group);

    [Then("every consumer received messages")]
    public void EveryConsumerReceived() => world.AssertEveryConsumerReceived();

    [Then("group {string} read at most {double} times as fast as group {string}")]
    public void Ratio(string faster, double ratio, string slower) => world.AssertGroupRateRatio(faster, slower, ratio);

    [Then(@"^the number of (lost messages|messages written twice|messages delivered twice|messages out of order|failed sends|messages the consumers never processed) is (\d+|reported)$")]
    public void Count(string what, string expected) => world.AssertCount(what, CountExpectation.Parse(expected));

    [Then("the producer counted {long} successes and {long} failures")]
    public void Counted(long successes, long failures) => world.AssertProducerCounted(successes, failures);

    [Then("the producer stalled for at most {int} seconds")]
    public void ProducerStall(int seconds) => world.AssertProducerStallAtMost(TimeSpan.FromSeconds(seconds));

    [Then(@"^the consumers resumed within (\d+) seconds of the (?:kill|fault)$")]
    public void ConsumersResumed(int seconds) => world.AssertConsumersResumedWithin(TimeSpan.FromSeconds(seconds));

    [Then(@"^every partition of ""([^""]+)"" that broker (\d+) led has a new leader among brokers ([\d, and]+)$")]
    public Task NewLeaders(string topic, int broker, string allowed) =>
        world.AssertNewLeadersAsync(topic, broker,
            [.. System.Text.RegularExpressions.Regex.Matches(allowed, @"\d+").Select(m => int.Parse(m.Value, CultureInfo.InvariantCulture))]);

    [Then("no partition of {string} is led by broker {int}")]
    public Task NotLedBy(string topic, int broker) => world.AssertNotLedByAsync(topic, broker);

    [Then("no partition of {string} changed leader")]
    public void NoLeaderChange(string topic) => world.AssertNoLeaderChange(topic);

    [Then("group {string} read {long} of the messages written before it joined")]
    public void ReadBefore(string group, long before) => world.AssertReadBeforeAndAfter(group, before, allAfter: false);

    [Then("group {string} read all of the messages written after it joined")]
    public void ReadAfter(string group) => world.AssertReadBeforeAndAfter(group, null, allAfter: true);

    [Then("the sweep table {string} gets this row, the seed's values beside the measured ones:")]
    public void SweepRow(string title, DataTable row) => world.AddSweepRow(title, row.Header, row.Rows[0].Cells);
}
