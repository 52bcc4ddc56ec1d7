using System.Text.Json;
using KafkaResilience.Chaos.Vocabulary;
using KafkaResilience.Cluster.Waiting;
using KafkaResilience.Reporting;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Transactions;

namespace KafkaResilience.Chaos.Scenario;

/// <summary>
/// The scenario's transactions: the shape its transactional producers write in (messages per transaction, partitions
/// each spans, which are aborted on purpose), its transactional sends (and a second producer taking one's
/// transactional.id over), the reader groups judged by isolation level, a consume-transform-produce processor that can
/// be killed and restarted, the moments the scenario waits for, and the Then steps about Jepsen's transaction anomalies,
/// each judged by <see cref="ScenarioJudge"/> with its pure checker so that every verdict lands in the one list the
/// report shows. It only records and asks the judge; stops everything it started when the scenario ends. Injected per
/// scenario.
/// </summary>
public sealed class ScenarioTransactions : IAsyncDisposable
{
    /// <summary>Messages per transaction unless the scenario says ("the producer writes in transactions of N messages ...").</summary>
    public const int DefaultTransactionSize = 100;

    /// <summary>The processor's own group, as its reads are judged ("never processed").</summary>
    public const string ProcessorGroup = "processor";

    /// <summary>How long the processor may take to own every partition of its input when it starts.</summary>
    public static readonly TimeSpan ProcessorAssignmentTimeout = TimeSpan.FromSeconds(30);

    /// <summary>How long a kill waits for the processor to reach the record it is killed after.</summary>
    public static readonly TimeSpan KillTimeout = TimeSpan.FromSeconds(120);

    /// <summary>How often a catch-up wait counts what each group read.</summary>
    private static readonly TimeSpan CatchUpInterval = TimeSpan.FromMilliseconds(250);

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly ScenarioCluster _cluster;
    private readonly ScenarioHistory _history;
    private readonly ScenarioProducers _producers;
    private readonly ScenarioConsumers _consumers;
    private readonly ScenarioJudge _judge;
    private readonly IScenarioScope _scope;
    private readonly List<TransactionalProducerWorkload> _sends = [];
    private readonly List<TransactionReader> _readers = [];
    private TransformProcessor? _processor;
    private int _transactionSize = DefaultTransactionSize;
    private int _partitions;
    private int _abortEvery;
    private bool _stopped;

    public ScenarioTransactions(ScenarioCluster cluster, ScenarioHistory history, ScenarioProducers producers, ScenarioConsumers consumers, ScenarioJudge judge, IScenarioScope scope)
    {
        _cluster = cluster ?? throw new ArgumentNullException(nameof(cluster));
        _history = history ?? throw new ArgumentNullException(nameof(history));
        _producers = producers ?? throw new ArgumentNullException(nameof(producers));
        _consumers = consumers ?? throw new ArgumentNullException(nameof(consumers));
        _judge = judge ?? throw new ArgumentNullException(nameof(judge));
        _scope = scope ?? throw new ArgumentNullException(nameof(scope));
    }

    private TransactionLog Log => _history.Ledger.Transactions;

    /// <summary>The transactional send started last; a step that needs one before any fails saying so.</summary>
    public TransactionalProducerWorkload CurrentSend
    {
        get { lock (_sends) return _sends.LastOrDefault() ?? throw new InvalidOperationException("No transactional producer sent anything: start one first (\"When a transactional producer sends ...\")."); }
    }

    /// <summary>Every later transactional producer writes transactions of <paramref name="messages"/> messages, message i to partition i % <paramref name="partitions"/>.</summary>
    public void WriteInTransactionsOf(int messages, int partitions)
    {
        if (messages is < 1 or > TransactionalProducerOptions.MaxTransactionSize)
            throw new ArgumentOutOfRangeException(nameof(messages), messages, $"A transaction holds 1 to {TransactionalProducerOptions.MaxTransactionSize:N0} messages.");
        if (partitions < 1) throw new ArgumentOutOfRangeException(nameof(partitions), partitions, "A transaction spans at least 1 partition.");
        (_transactionSize, _partitions) = (messages, partitions);
        _scope.Say($"Transactions of {messages:N0} messages, each across {partitions} partition(s)");
    }

    /// <summary>Every <paramref name="n"/>th transaction of a later transactional producer is aborted on purpose (its messages flushed to the brokers first).</summary>
    public void AbortEvery(int n)
    {
        if (n < 2) throw new ArgumentOutOfRangeException(nameof(n), n, "Abort every Nth transaction with N of 2 or more (N = 1 would commit nothing).");
        _abortEvery = n;
        _scope.Say($"Every {n}th transaction is aborted on purpose");
    }

    /// <summary>
    /// Starts a consumer group with an isolation level, reading in the background, recorded as a reader whose reads the
    /// transaction checkers judge; returns once it owns every partition and has fetched from each.
    /// </summary>
    public async Task StartReadingAsync(int consumers, string group, string topic, ReadIsolation isolation)
    {
        Log.RecordReads();
        var level = isolation == ReadIsolation.ReadCommitted ? "read_committed" : "read_uncommitted";
        var reading = await _consumers.StartReadingAsync(consumers, group, topic, groupSettings: new Dictionary<string, string> { ["isolation.level"] = level }).ConfigureAwait(false);
        var reader = new TransactionReader(group, isolation, reading.MemberNames, [.. reading.Topics.Select(t => t.Name)]);
        Log.AddReader(reader);
        lock (_readers) _readers.Add(reader);
    }

    /// <summary>Starts a transactional producer in the background, in the scenario's transaction shape; its transactional.id is its name.</summary>
    public void StartSending(MessageBatch batch, string topic, SendPace pace, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(pace);
        int number;
        lock (_sends) number = _sends.Count + 1;
        name ??= $"tx-send{number}";
        Start(name, name, batch, topic, pace, $"A transactional producer (transactional.id {name})");
    }

    /// <summary>Starts a second producer with the transactional.id of the producer named <paramref name="holder"/>: it must fence that one.</summary>
    public void TakeOver(string holder, MessageBatch batch, string topic, SendPace pace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(holder);
        TransactionalProducerWorkload old;
        lock (_sends)
            old = _sends.LastOrDefault(s => s.Options.Name == holder)
                ?? throw new InvalidOperationException($"No transactional producer \"{holder}\" was started (started: {string.Join(", ", _sends.Select(s => s.Options.Name))}).");
        var id = old.Options.TransactionalId;
        int count;
        lock (_sends) count = _sends.Count(s => s.Options.TransactionalId == id);
        Start($"{holder}-{count + 1}", id, batch, topic, pace, $"A new producer takes transactional.id {id} over from \"{holder}\"");
    }

    /// <summary>
    /// Waits until <paramref name="percent"/>% of the current transactional send is committed, or it finished first;
    /// judged only when it finished short of the share.
    /// </summary>
    public async Task CommittedShareAsync(int percent)
    {
        if (percent is < 1 or > 100) throw new ArgumentOutOfRangeException(nameof(percent), percent, "The share must be 1% to 100%.");
        var send = CurrentSend;
        var target = (long)Math.Ceiling(send.Options.MessageCount * (percent / 100.0));
        var bound = TimeSpan.FromSeconds(60) + (send.Options.RatePerSecond > 0 ? TimeSpan.FromSeconds(3 * target / send.Options.RatePerSecond) : TimeSpan.FromSeconds(target / 10_000.0));
        await ConditionWait.UntilAsync(() => send.CommittedMessages >= target || send.IsCompleted, bound,
            () => $"{percent}% of the transactional messages were not committed in time ({send.CommittedMessages:N0} of {send.Options.MessageCount:N0})", _scope.Token).ConfigureAwait(false);
        if (send.CommittedMessages >= target)
        {
            _scope.Say($"{send.CommittedMessages:N0} of {send.Options.MessageCount:N0} transactional messages committed ({percent}% reached)");
            return;
        }
        _judge.Judge(new AcknowledgedChecker([send.Stream.Id], target, "committed-share"), $"at least {target:N0} ({percent}%) committed before the send finished",
            _ => VerdictCategory.SendsNotAcknowledged);
    }

    /// <summary>Every transactional producer finished (or stopped, fenced) within the timeout; judged.</summary>
    public async Task SendsFinishedWithinAsync(TimeSpan timeout)
    {
        List<TransactionalProducerWorkload> sends;
        lock (_sends) sends = [.. _sends];
        if (sends.Count == 0) throw new InvalidOperationException("No transactional producer sent anything: start one first (\"When a transactional producer sends ...\").");
        var clock = _history.Ledger.Clock;
        var started = clock.GetTimestamp();
        TimeSpan? after;
        string detail;
        try
        {
            await Task.WhenAll(sends.Select(s => s.WaitAsync(timeout, _scope.Token))).ConfigureAwait(false);
            after = clock.GetElapsedTime(started);
            detail = Outcomes();
        }
        catch (TimeoutException e)
        {
            after = null;
            detail = e.Message;
        }
        _scope.Say($"Transactional producers: {detail}");
        _history.Ledger.RecordWait("transactions-finished", "every transactional producer done", timeout, after, detail);
        _judge.Judge(new DeadlineChecker("transactions-finished"), $"within {timeout.TotalSeconds:0.#} s", _ => VerdictCategory.ClusterNotRecovered);
    }

    /// <summary>
    /// Starts a consume-transform-produce processor: group <see cref="ProcessorGroup"/> reads <paramref name="input"/>
    /// read_committed, each transaction of the scenario's size writes one output per input to <paramref name="output"/>
    /// and the consumed offsets. Returns once it owns every partition of the input.
    /// </summary>
    public async Task StartProcessorAsync(string input, string output)
    {
        if (_processor is not null) throw new InvalidOperationException("The scenario already has a processor.");
        var inputTopic = _cluster.Topics(input).Single();
        var outputTopic = _cluster.Topics(output).Single();
        Log.RecordReads();
        var processor = TransformProcessor.Start(_cluster.Cluster, new TransformProcessorOptions
        {
            InputTopic = inputTopic.Name,
            OutputTopic = outputTopic.Name,
            GroupId = ProcessorGroup,
            TransactionalId = ProcessorGroup,
            BatchSize = _transactionSize,
            ConsumerSettings = ScenarioConsumers.DefaultSettings,
        }, _history.Ledger, _scope.Say);
        _processor = processor;
        var reader = new TransactionReader(ProcessorGroup, ReadIsolation.ReadCommitted, [processor.Member.Name], [inputTopic.Name]);
        Log.AddReader(reader);
        lock (_readers) _readers.Add(reader);
        await ConditionWait.UntilAsync(() => ProcessorPartitions() >= inputTopic.Partitions || !processor.IsRunning, ProcessorAssignmentTimeout,
            () => $"the processor owns {ProcessorPartitions()} of the {inputTopic.Partitions} partitions of \"{inputTopic.Name}\"", _scope.Token).ConfigureAwait(false);
        if (!processor.IsRunning) throw new InvalidOperationException($"The processor stopped as it started; its lifecycle: {string.Join("; ", ProcessorEvents())}");
        _scope.Say($"Processor: group \"{ProcessorGroup}\" reads \"{inputTopic.Name}\" read_committed, writes \"{outputTopic.Name}\" in transactions of {_transactionSize} records " +
                   "with its offsets (transactional.id processor); it owns every partition");
    }

    /// <summary>Kills the processor once it has handled <paramref name="records"/> input records (mid-transaction, nothing closed), then starts it again.</summary>
    public async Task KillProcessorAndRestartAsync(long records)
    {
        var processor = _processor ?? throw new InvalidOperationException("No processor is running: start one with \"Given a processor reads \\\"...\\\", writes \\\"...\\\" and commits its offsets in the same transaction\".");
        await processor.KillAfterAsync(records, KillTimeout, _scope.Token).ConfigureAwait(false);
        _history.Note($"processor killed after {records:N0} records");
        _scope.Say($"Processor killed after {processor.Processed:N0} input records ({processor.CommittedInputs:N0} in committed transactions)");
        processor.Restart();
        _history.Note("processor restarted");
        _scope.Say("Processor restarted: a new client with the same group and transactional.id");
    }

    /// <summary>
    /// Waits until every producer is done, every reader group has read every committed message on its topics and the
    /// processor has committed an output for every input; or until nothing new was read for
    /// <see cref="ScenarioConsumers.CatchUpIdleLimit"/> after the producers finished; or the timeout. Judged.
    /// </summary>
    public async Task CaughtUpWithinAsync(TimeSpan timeout)
    {
        var clock = _history.Ledger.Clock;
        var started = clock.GetTimestamp();
        var idle = timeout < ScenarioConsumers.CatchUpIdleLimit ? timeout : ScenarioConsumers.CatchUpIdleLimit;
        var lastReads = -1L;
        var lastProgress = started;
        var detail = "";
        var caughtUp = false;
        bool Ended()
        {
            var now = clock.GetTimestamp();
            var reads = Log.ReadCount;
            if (reads != lastReads) (lastReads, lastProgress) = (reads, now);
            var done = ProducersDone();
            caughtUp = done && Behind(out detail) == 0;
            return caughtUp || (done && clock.GetElapsedTime(lastProgress, now) > idle);
        }
        var after = await ConditionWait.WithinAsync(Ended, timeout, _scope.Token, CatchUpInterval, clock).ConfigureAwait(false);
        if (after is null || !caughtUp)
        {
            Behind(out detail);
            after = null;
        }
        _scope.Say($"Transactional readers: {detail}");
        _history.Ledger.RecordWait("transactions-caught-up", "every committed message read by every group", timeout, after, detail);
        _judge.Judge(new DeadlineChecker("transactions-caught-up"), $"within {timeout.TotalSeconds:0.#} s", _ => VerdictCategory.ConsumersFellBehind);
    }

    /// <summary>No read_committed group read a message of an aborted transaction (G1a).</summary>
    public void NoAbortedRead() =>
        _judge.Judge(new AbortedReadChecker(), "no message of an aborted transaction read by a read_committed group", _ => VerdictCategory.AbortedRead);

    /// <summary>Every committed transaction (and every one of unknown outcome) read whole or not at all by each read_committed group.</summary>
    public void ReadWholeOrNotAtAll() =>
        _judge.Judge(new PartialTransactionChecker(), "every committed or unknown transaction read whole or not at all", _ => VerdictCategory.TransactionReadInPart);

    public void NoCommittedLost() =>
        _judge.Judge(new LostCommittedChecker(), "every committed message read by every group", _ => VerdictCategory.MessagesLost);

    public void NoCommittedWrittenTwice() =>
        _judge.Judge(new DuplicateCommittedChecker(), "no committed message read at two offsets", _ => VerdictCategory.MessagesDuplicated);

    public void CommittedOrderKept() =>
        _judge.Judge(new CommittedOrderChecker(), "committed messages in send order within every partition", _ => VerdictCategory.MessagesReordered);

    /// <summary>Every input the processor read is written exactly once to <paramref name="output"/>, as the group reading it sees.</summary>
    public void ExactlyOnceTo(string output)
    {
        var processor = _processor ?? throw new InvalidOperationException("No processor ran in this scenario.");
        var outputTopic = _cluster.Topics(output).Single().Name;
        TransactionReader reader;
        lock (_readers)
            reader = _readers.LastOrDefault(r => r.Group != ProcessorGroup && r.Topics.Contains(outputTopic))
                ?? throw new InvalidOperationException($"No group reads \"{outputTopic}\": add \"Given a read_committed consumer in group \\\"G\\\" is reading \\\"{outputTopic}\\\"\".");
        _judge.Judge(new DuplicateOutputChecker(processor.Options.InputTopic, reader.Group, ProcessorGroup), $"every input of \"{processor.Options.InputTopic}\" written exactly once to \"{outputTopic}\"",
            v => v.Numbers["written-more-than-once"] > 0 ? VerdictCategory.MessagesDuplicated : VerdictCategory.MessagesLost);
    }

    /// <summary>The producers replaced by another with their transactional.id were fenced exactly <paramref name="times"/> times, and none of their later commits went through.</summary>
    public void FencedTimes(int times) =>
        _judge.Judge(new FencingChecker(times), $"fenced {times} time(s), no commit of a fenced producer",
            v => v.Numbers["zombie-commits"] > 0 || v.Numbers["fenced"] < times ? VerdictCategory.ProducerNotFenced : VerdictCategory.CountNotAsExpected);

    /// <summary>The control: group <paramref name="group"/> (read_uncommitted) did read aborted messages, so the run shows the aborts reached the log.</summary>
    public void AbortedReadBy(string group) =>
        _judge.Judge(new ExpectedAnomalyChecker(new AbortedReadChecker([group])), $"group \"{group}\" read messages of aborted transactions",
            _ => VerdictCategory.CountNotAsExpected);

    /// <summary>Stops the producers and the processor and attaches what the transactions were; runs after every scenario, before the report.</summary>
    public async Task StopAsync()
    {
        if (_stopped) return;
        _stopped = true;
        List<TransactionalProducerWorkload> sends;
        lock (_sends) sends = [.. _sends];
        foreach (var send in sends) send.Stop();
        foreach (var send in sends) await send.DisposeAsync().ConfigureAwait(false);
        if (_processor is { } processor) await processor.DisposeAsync().ConfigureAwait(false);
        if (sends.Count == 0 && _processor is null) return;
        var snapshot = Log.Snapshot();
        _scope.AttachJson("transactions", JsonSerializer.Serialize(new
        {
            committed = Log.CommittedCount,
            aborted = Log.AbortedCount,
            unknown = Log.UnknownCount,
            producers = sends.Select(s => new
            {
                name = s.Options.Name,
                transactionalId = s.Options.TransactionalId,
                producerId = s.Stream.Id,
                sent = s.SentCount,
                committedMessages = s.CommittedMessages,
                transactions = s.Transactions,
            }),
            processor = _processor is { } p ? new { starts = p.Starts, processed = p.Processed, committedInputs = p.CommittedInputs } : null,
            readers = snapshot.Readers.Select(r => new { group = r.Group, isolation = r.Isolation.ToString(), members = r.Members, topics = r.Topics, read = snapshot.ReadsBy(r).LongCount() }),
            sessions = snapshot.Sessions,
            fencings = snapshot.Fencings,
            notCommitted = snapshot.Transactions.Where(t => t.Outcome != TransactionOutcome.Committed).Take(50).Select(t => t.ToString()),
        }, Json));
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private void Start(string name, string transactionalId, MessageBatch batch, string topic, SendPace pace, string who)
    {
        var target = _cluster.Topics(topic).Single();
        Log.RecordReads();
        var options = new TransactionalProducerOptions
        {
            Topic = target.Name,
            TransactionalId = transactionalId,
            MessageCount = batch.Count,
            MessageSize = batch.Size,
            TransactionSize = _transactionSize,
            Partitions = _partitions,
            AbortEvery = _abortEvery,
            RatePerSecond = pace.RatePerSecond,
            Name = name,
        };
        var workload = TransactionalProducerWorkload.Start(_cluster.Cluster, options, _history.Ledger, _scope.Say);
        lock (_sends) _sends.Add(workload);
        _scope.Say($"{who} sends {batch.Count:N0} messages of {batch.Size} B to \"{target.Name}\" " +
                   (pace.IsUnthrottled ? "as fast as it can" : $"at {pace.RatePerSecond:N0} msg/s") +
                   $", in transactions of {_transactionSize:N0} across {(_partitions == 0 ? target.Partitions : _partitions)} partition(s)" +
                   (_abortEvery > 0 ? $", every {_abortEvery}th aborted" : ""));
    }

    private bool ProducersDone()
    {
        lock (_sends)
            if (_sends.Any(s => !s.IsCompleted)) return false;
        return _producers.AllDone;
    }

    /// <summary>How many committed messages some group has not read yet, plus inputs the processor has not committed an output for; says which.</summary>
    private long Behind(out string detail)
    {
        var snapshot = Log.Snapshot();
        List<TransactionReader> readers;
        lock (_readers) readers = [.. _readers];
        var parts = new List<string>();
        long behind = 0;
        foreach (var reader in readers.Where(r => r.Group != ProcessorGroup))
        {
            var committed = snapshot.Transactions.Where(t => t.Outcome == TransactionOutcome.Committed && snapshot.ReadsTopic(reader, t.Topic)).Sum(t => (long)t.Count);
            var read = new HashSet<(int, long)>();
            foreach (var r in snapshot.ReadsBy(reader))
                if (snapshot.TransactionOf(r.Producer, r.Sequence) is { Outcome: TransactionOutcome.Committed }) read.Add((r.Producer, r.Sequence));
            behind += Math.Max(0, committed - read.Count);
            parts.Add($"group \"{reader.Group}\" read {read.Count:N0} of {committed:N0} committed messages");
        }
        if (_processor is { } processor)
        {
            // Plain (non-transactional) acknowledged messages are the processor's inputs; committed transactional ones are ok in the ledger too.
            var inputs = _history.Ledger.OkCount - Log.CommittedMessages;
            behind += Math.Max(0, inputs - processor.CommittedInputs);
            parts.Add($"the processor committed outputs for {processor.CommittedInputs:N0} of {inputs:N0} acknowledged inputs ({processor.Starts} start(s))");
        }
        detail = string.Join("; ", parts);
        return behind;
    }

    private int ProcessorPartitions()
    {
        if (_processor is not { } processor) return 0;
        var owned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in _history.Snapshot().Rebalances.Where(e => e.Consumer == processor.Member.Name))
        {
            if (e.Kind == RebalanceKind.Assigned) owned.UnionWith(e.Partitions);
            else owned.ExceptWith(e.Partitions);
        }
        return owned.Count;
    }

    private IEnumerable<string> ProcessorEvents() =>
        _history.Snapshot().Events.Where(e => e.Description.StartsWith(ProcessorGroup, StringComparison.Ordinal)).Select(e => $"{e.At.TotalSeconds:0.000}s {e.Description}");

    private string Outcomes()
    {
        List<TransactionalProducerWorkload> sends;
        lock (_sends) sends = [.. _sends];
        return $"{Log.CommittedCount:N0} transactions committed, {Log.AbortedCount:N0} aborted, {Log.UnknownCount:N0} of unknown outcome; " +
               string.Join(", ", sends.Select(s => $"{s.Options.Name}: {s.SentCount:N0} sent, {s.CommittedMessages:N0} committed"));
    }
}
