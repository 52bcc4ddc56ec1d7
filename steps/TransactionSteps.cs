using KafkaResilience.Chaos.Fit;
using KafkaResilience.Chaos.Fit.Planned;
using KafkaResilience.Chaos.Scenario;
using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Steps;

/// <summary>
/// Steps about transactions: the shape transactional producers write in, reader groups by isolation level,
/// transactional sends and a takeover of a transactional.id, a consume-transform-produce processor killed mid-stream,
/// the moments to wait for, and the Thens about Jepsen's transaction anomalies (each judged by a pure checker).
/// </summary>
[Binding]
public sealed class TransactionSteps(ScenarioTransactions transactions)
{
    [Given("the producer writes in transactions of {int} messages across {int} partition(s)")]
    public void Shape(int messages, int partitions) => transactions.WriteInTransactionsOf(messages, partitions);

    [Given(@"^every (\d+)(?:st|nd|rd|th) transaction is aborted$")]
    public void AbortEvery(int n) => transactions.AbortEvery(n);

    [Given("a {isolation} consumer in group {string} is reading {string}")]
    [PlannedAs(typeof(GroupReading))]
    public Task OneReader(ReadIsolation isolation, string group, string topic) => transactions.StartReadingAsync(1, group, topic, isolation);

    [Given("{int} {isolation} consumers in group {string} are reading {string}")]
    [PlannedAs(typeof(GroupReading))]
    public Task Readers(int count, ReadIsolation isolation, string group, string topic) => transactions.StartReadingAsync(count, group, topic, isolation);

    [When("a transactional producer sends {batch} to {string} {pace}")]
    [PlannedAs(typeof(SendPlanned))]
    public void Send(MessageBatch batch, string topic, SendPace pace) => transactions.StartSending(batch, topic, pace);

    [When("a transactional producer {string} sends {batch} to {string} {pace}")]
    [PlannedAs(typeof(SendPlanned))]
    public void SendNamed(string name, MessageBatch batch, string topic, SendPace pace) => transactions.StartSending(batch, topic, pace, name);

    [When("a new producer takes over the transactional.id of {string} and sends {batch} to {string} {pace}")]
    [PlannedAs(typeof(SendPlanned))]
    public void TakeOver(string holder, MessageBatch batch, string topic, SendPace pace) => transactions.TakeOver(holder, batch, topic, pace);

    [When("{int}% of the transactional messages have been committed")]
    public Task Committed(int percent) => transactions.CommittedShareAsync(percent);

    [When(@"^the transactional producers? (?:has|have) finished within (\d+) seconds$")]
    public Task Finished(int seconds) => transactions.SendsFinishedWithinAsync(TimeSpan.FromSeconds(seconds));

    [When("the consumers have read every committed message within {int} seconds")]
    public Task CaughtUp(int seconds) => transactions.CaughtUpWithinAsync(TimeSpan.FromSeconds(seconds));

    [Given("a processor reads {string}, writes {string} and commits its offsets in the same transaction")]
    public Task Processor(string input, string output) => transactions.StartProcessorAsync(input, output);

    [When("the processor is killed after {records} records and restarted")]
    public Task KillProcessor(RecordCount records) => transactions.KillProcessorAndRestartAsync(records.Value);

    [Then("no aborted message is read")]
    public void NoAbortedRead() => transactions.NoAbortedRead();

    [Then("every committed transaction is read whole or not at all")]
    public void WholeOrNotAtAll() => transactions.ReadWholeOrNotAtAll();

    [Then("every input record is written exactly once to {string}")]
    public void ExactlyOnce(string topic) => transactions.ExactlyOnceTo(topic);

    [Then("no committed message is lost")]
    public void NoCommittedLost() => transactions.NoCommittedLost();

    [Then("no committed message is written twice")]
    public void NoCommittedWrittenTwice() => transactions.NoCommittedWrittenTwice();

    [Then("committed messages keep their order in each partition")]
    public void CommittedOrder() => transactions.CommittedOrderKept();

    [Then(@"^the producer was fenced (\d+) times?$")]
    public void Fenced(int times) => transactions.FencedTimes(times);

    [Then("group {string} read aborted messages, as read_uncommitted allows")]
    public void AbortedReadBy(string group) => transactions.AbortedReadBy(group);
}
