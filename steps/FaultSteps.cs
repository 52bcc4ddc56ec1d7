using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Faults;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Targets;
using Reqnroll;

namespace KafkaResilience.Steps;

/// <summary>Fault steps: each names a symbolic target, resolved when the fault fires, and every fault is healed by the end of the scenario.</summary>
[Binding]
public sealed class FaultSteps(ScenarioNemesis nemesis)
{
    [When("{broker} is killed")]
    [PlannedAs(typeof(BrokerLost))]
    public Task Kill(BrokerTarget target) => nemesis.InjectAsync(new KillBrokerFault(target));

    [When("{broker} is stopped cleanly")]
    public Task Stop(BrokerTarget target) => nemesis.InjectAsync(new StopBrokerFault(target));

    [When("{broker} is bounced hard")]
    public Task BounceHard(BrokerTarget target) => nemesis.InjectAsync(new BounceBrokerFault(target, hard: true));

    [When("{broker} is bounced cleanly")]
    public Task BounceCleanly(BrokerTarget target) => nemesis.InjectAsync(new BounceBrokerFault(target, hard: false));

    [When("broker {int} is started again")]
    public Task StartAgain(int broker) => nemesis.StartBrokerAgainAsync(broker);

    [When("{broker} is paused for {duration}")]
    [PlannedAs(typeof(BrokerLost))]
    public Task Pause(BrokerTarget target, TimeSpan duration) => nemesis.InjectForAsync(new PauseBrokerFault(target), duration);

    [When("{broker} is cut off from its clients for {duration}")]
    [PlannedAs(typeof(BrokerLost))]
    public Task Isolate(BrokerTarget target, TimeSpan duration) => nemesis.InjectForAsync(new IsolateBrokerFault(target), duration);

    [When("the connections to {broker} get {int} ms of latency for {duration}")]
    [PlannedAs(typeof(BrokerSlowed))]
    public Task Latency(BrokerTarget target, int milliseconds, TimeSpan duration) =>
        nemesis.InjectForAsync(new LatencyFault(target, TimeSpan.FromMilliseconds(milliseconds), TimeSpan.Zero), duration);

    [When("the connections to {broker} get {int} ms of latency with {int} ms of jitter for {duration}")]
    [PlannedAs(typeof(BrokerSlowed))]
    public Task Jitter(BrokerTarget target, int milliseconds, int jitter, TimeSpan duration) =>
        nemesis.InjectForAsync(new LatencyFault(target, TimeSpan.FromMilliseconds(milliseconds), TimeSpan.FromMilliseconds(jitter)), duration);

    [When("the connections to {broker} are capped at {int} KB per second for {duration}")]
    [PlannedAs(typeof(BrokerCapped))]
    public Task Bandwidth(BrokerTarget target, int kilobytes, TimeSpan duration) =>
        nemesis.InjectForAsync(new BandwidthFault(target, kilobytes), duration);

    [When("the connections to {broker} are capped at {int} KB per second")]
    [PlannedAs(typeof(BrokerCapped))]
    public Task BandwidthUntilHealed(BrokerTarget target, int kilobytes) =>
        nemesis.InjectAsync(new BandwidthFault(target, kilobytes));

    [When("the connections to {broker} are reset for {duration}")]
    [PlannedAs(typeof(BrokerSlowed))]
    public Task Reset(BrokerTarget target, TimeSpan duration) => nemesis.InjectForAsync(new ConnectionResetFault(target), duration);

    [When("the responses of {broker} are held back for {duration}")]
    [PlannedAs(typeof(BrokerSlowed))]
    public Task HoldResponses(BrokerTarget target, TimeSpan duration) => nemesis.InjectForAsync(new ResponseHoldFault(target), duration);

    [When("ZooKeeper is killed")]
    public Task KillZooKeeper() => nemesis.InjectAsync(new KillZooKeeperFault());

    [When("ZooKeeper is paused for {duration}")]
    public Task PauseZooKeeper(TimeSpan duration) => nemesis.InjectForAsync(new PauseZooKeeperFault(), duration);

    [When("every broker is restarted in turn")]
    public Task RollingRestart() => nemesis.InjectAsync(new RollingRestartFault());
}
