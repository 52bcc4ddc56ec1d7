using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Workloads.Checkers;

namespace KafkaResilience.Steps;

/// <summary>Then-steps: each asks the scenario's judge, which runs the matching pure checker on the recorded history, records the verdict and fails the step exactly when it is not valid.</summary>
[Binding]
public sealed class VerdictSteps(ScenarioJudge judge)
{
    [Then("every message was acknowledged")]
    public void AllAcknowledged() => judge.AllAcknowledged();

    [Then("no acknowledged message is lost")]
    public void NothingLost() => judge.NothingLost();

    [Then("the order within every partition is kept")]
    public void OrderKept() => judge.OrderKept();

    [Then(@"^the producers? sent at least (\d+) messages per second$")]
    [PlannedAs(typeof(RateFloor))]
    public void ProducerFloor(double floor) => judge.ProducerRateAtLeast(floor);

    [Then("the producer's {latency}")]
    public void ProducerLatency(LatencyBound bound) => judge.ProducerLatency(bound);

    [Then("the consumers read at least {int} messages per second")]
    [PlannedAs(typeof(RateFloor))]
    public void ConsumerFloor(int floor) => judge.ConsumerRateAtLeast(floor);

    [Then("exactly {int} consumers received no message")]
    public void Idle(int idle) => judge.IdleConsumers(idle);

    [Then("exactly {int} consumers of group {string} received no message")]
    public void IdleInGroup(int idle, string group) => judge.IdleConsumers(idle, group);

    [Then("every consumer received messages")]
    public void EveryConsumerReceived() => judge.EveryConsumerReceived();

    [Then("group {string} read at most {double} times as fast as group {string}")]
    public void Ratio(string faster, double ratio, string slower) => judge.GroupRateRatio(faster, slower, ratio);

    [Then("the number of {count} is {expected}")]
    public void Count(DeliveryCount what, CountExpectation expected) => judge.Count(what, expected);

    [Then("the producer counted {long} successes and {long} failures")]
    public void Counted(long successes, long failures) => judge.ProducerCounted(successes, failures);

    [Then("the producer stalled for at most {int} seconds")]
    public void ProducerStall(int seconds) => judge.ProducerStallAtMost(TimeSpan.FromSeconds(seconds));

    [Then(@"^the consumers resumed within (\d+) seconds of the (?:kill|fault)$")]
    public void ConsumersResumed(int seconds) => judge.ConsumersResumedWithin(TimeSpan.FromSeconds(seconds));

    [Then(@"^every partition of ""([^""]+)"" that broker (\d+) led has a new leader among brokers (" + StepValues.BrokerIdsPattern + ")$")]
    [PlannedAs(typeof(LeadershipMoved))]
    public Task NewLeaders(string topic, int broker, IReadOnlyList<int> allowed) => judge.NewLeadersAsync(topic, broker, allowed);

    [Then("no partition of {string} is led by broker {int}")]
    public Task NotLedBy(string topic, int broker) => judge.NotLedByAsync(topic, broker);

    [Then("no partition of {string} changed leader")]
    public void NoLeaderChange(string topic) => judge.NoLeaderChange(topic);

    [Then("broker {int} is back in the cluster within {int} seconds")]
    public Task BackInCluster(int broker, int seconds) => judge.BrokerBackWithinAsync(broker, TimeSpan.FromSeconds(seconds));

    [Then("group {string} read {long} of the messages written before it joined")]
    public void ReadBefore(string group, long before) => judge.ReadBefore(group, before);

    [Then("the messages group {string} could not read were dropped by the target's retention")]
    public void DroppedByRetention(string group) => judge.DroppedByRetention(group);

    [Then("group {string} read all of the messages written after it joined")]
    public void ReadAfter(string group) => judge.ReadAllAfter(group);
}
