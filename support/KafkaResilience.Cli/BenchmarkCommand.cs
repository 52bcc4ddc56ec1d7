using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Performance;

namespace KafkaResilience.Cli;

/// <summary>
/// `kafka-resilience benchmark`: produce N messages of S bytes at rate R (consumers reading at the
/// same time), against its own embedded cluster or given bootstrap servers, and print the
/// kafka-producer-perf-test line, the kafka-consumer-perf-test fields and the checkers' verdicts (issue 8).
/// </summary>
internal static class BenchmarkCommand
{
    public static async Task<int> RunAsync(string[] args, CancellationToken stop)
    {
        BenchmarkCommandLine options;
        try
        {
            options = BenchmarkCommandLine.Parse(args);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine($"kafka-resilience benchmark: {e.Message}");
            Console.Error.WriteLine(BenchmarkCommandLine.Usage);
            return 2;
        }
        if (options.Help)
        {
            Console.Out.WriteLine(BenchmarkCommandLine.Usage);
            return 0;
        }
        try
        {
            return await RunAsync(options, Console.Out.WriteLine, Console.Error.WriteLine, stop);
        }
        catch (ArgumentException e)
        {
            // a value the clients refuse, e.g. a --set NAME=VALUE librdkafka does not know
            Console.Error.WriteLine($"kafka-resilience benchmark: {e.Message}");
            return 2;
        }
    }

    /// <summary>
    /// Messages the producer's client may hold unless --set says otherwise: enough in flight that the sender never waits
    /// on acknowledgements of a full queue, few enough that the copies stay a small part of the peak memory; librdkafka's
    /// 100,000 is faster still but holds twice the memory (README, "Benchmark", measured with bench/compare.sh).
    /// </summary>
    public const string DefaultQueueMessages = "20000";

    /// <summary>
    /// How far a consume-only reader's client reads ahead: 5,000 records per partition (queued.min.messages) in
    /// fetches of at most 256 KB per partition (max.partition.fetch.bytes, ~2,400 records of 100 B). librdkafka's
    /// 100,000 records and 1 MB prefetched the whole topic, so its messages waited in memory to be read, and read
    /// no faster (README, "Benchmark"; re-measured with bench/compare.sh).
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> ReaderSettings = new Dictionary<string, string>
    {
        ["queued.min.messages"] = "5000",
        ["max.partition.fetch.bytes"] = "262144",
    };

    public static async Task<int> RunAsync(BenchmarkCommandLine o, Action<string> output, Action<string> log, CancellationToken ct)
    {
        EmbeddedCluster? embedded = null;
        ConsumerWorkload? consumers = null;
        ProducerWorkload? producer = null;
        try
        {
            string bootstrap;
            if (o.Bootstrap is { } given)
            {
                bootstrap = given;
                BootstrapProbe.Check(bootstrap, o.Settings, o.Topic, BootstrapProbe.Timeout);
            }
            else
            {
                embedded = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
                {
                    Topics = [new TopicSpec(o.Topic, o.Partitions, Math.Min(3, EmbeddedClusterOptions.SeedBrokerIds.Count))],
                    UseFaultProxy = false,
                }, ct);
                bootstrap = embedded.BootstrapServers;
                log($"embedded cluster: {embedded.Description} at {bootstrap}, topic {o.Topic} ({o.Partitions} partitions)");
            }
            var ledger = new HistoryLedger();
            using var progress = new ProgressReporter(ledger, TimeSpan.FromSeconds(Math.Max(0.1, o.ProgressSeconds)), log);
            var budget = TimeSpan.FromSeconds(Math.Max(120, o.Messages / 50_000.0));

            if (o.ConsumeOnly)
            {
                if (o.Consumers == 0)
                {
                    log("consume-only: --consumers 0 reads nothing");
                    return 2;
                }
                // Readers that split the partitions by hand, as kcat -C does: no group to join, nothing committed.
                consumers = ConsumerWorkload.Start(bootstrap, new ConsumerWorkloadOptions
                {
                    Topic = o.Topic, Consumers = o.Consumers, ManualAssignment = true, StopAtEnd = !o.UntilIdle,
                    GroupId = $"benchmark-{ledger.RunTag}", CommitMode = CommitMode.None,
                    Settings = ReaderSettings,
                }, ledger, log: log);
                long read;
                if (o.UntilIdle)
                {
                    var idle = TimeSpan.FromSeconds(2);
                    read = await consumers.WaitUntilIdleAsync(idle, budget, ct);
                    await consumers.StopAllAsync();
                    output($"consume-only: {read} records read, then idle for {idle.TotalSeconds:0} s");
                }
                else
                {
                    read = await consumers.WaitUntilEndAsync(budget, ct);
                    output($"consume-only: {read} records read, to the end offsets found at the start");
                }
                ledger.RecordLeadershipChanges(embedded?.LeadershipChanges ?? []);
                var read1 = ledger.Snapshot();
                output(PerfReport.ConsumerHeader);
                output(PerfReport.ConsumerLine(read1));
                foreach (var line in PerfReport.PerConsumerLines(read1)) output("  " + line);
                if (!o.Ledger) return 0;
                // The records were acknowledged to another process: what was read can still be judged for duplicates and order.
                var reads = CheckerRun.Of(read1, new DuplicateChecker(), new ReorderChecker());
                output(reads.ToString());
                output($"  {LostChecker.CheckerName}: not judged, the records were sent by another process");
                return reads.Validity == Validity.Valid ? 0 : 1;
            }

            consumers = o.Consumers > 0
                ? ConsumerWorkload.Start(bootstrap, new ConsumerWorkloadOptions { Topic = o.Topic, Consumers = o.Consumers, GroupId = $"benchmark-{ledger.RunTag}" }, ledger, log: log)
                : null;
            if (consumers is not null)
            {
                var partitions = TopicProbe.PartitionCount(bootstrap, o.Settings, o.Topic, TimeSpan.FromSeconds(30));
                await consumers.WaitForAssignmentAsync(partitions, TimeSpan.FromSeconds(60), ct);
            }
            var settings = new Dictionary<string, string>(o.Settings);
            settings.TryAdd("queue.buffering.max.messages", DefaultQueueMessages);
            producer = ProducerWorkload.Start(bootstrap, new ProducerWorkloadOptions
            {
                Topic = o.Topic, MessageCount = o.Messages, MessageSize = o.Size, RatePerSecond = o.Rate,
                Instances = o.Producers, ThreadsPerInstance = o.Threads, Settings = settings,
            }, ledger, log: log);
            await producer.WaitAsync(budget, ct);
            var streamIds = producer.Streams.Select(s => s.Id).ToList();
            CatchUpResult? caughtUp = null;
            if (consumers is not null)
            {
                caughtUp = await consumers.WaitUntilCaughtUpAsync(() => producer.IsCompleted, TimeSpan.FromSeconds(10), budget, ct);
                await consumers.StopAllAsync();
            }
            await producer.DisposeAsync();
            producer = null;
            ledger.RecordLeadershipChanges(embedded?.LeadershipChanges ?? []);
            var history = ledger.Snapshot();

            output(PerfReport.ProducerLine(history));
            output($"producer: {history.TotalOk} acknowledged, {history.TotalFailed} failed, {history.TotalUnknown + history.TotalPending} unknown");
            if (consumers is null)
            {
                if (!o.Ledger) return 0;
                // Without readers the ledger judges what the acknowledgements prove; losses and order need reads.
                var sent = CheckerRun.Of(history, new AcknowledgedChecker(streamIds, o.Messages));
                output(sent.ToString());
                output($"  {LostChecker.CheckerName}, {DuplicateChecker.CheckerName}, {ReorderChecker.CheckerName}: not judged, no consumer read (--consumers 0)");
                return sent.Validity == Validity.Valid ? 0 : 1;
            }
            output(PerfReport.ConsumerHeader);
            output(PerfReport.ConsumerLine(history));
            foreach (var line in PerfReport.PerConsumerLines(history)) output("  " + line);
            if (caughtUp is not null) output($"consumers: {caughtUp}");
            if (!o.Ledger) return 0;
            var run = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(), new ReorderChecker());
            output(run.ToString());
            foreach (var note in LossNotes.Of(run[LostChecker.CheckerName], embedded is not null)) output(note);
            return run.Validity == Validity.Valid ? 0 : 1;
        }
        finally
        {
            // Clients first, then the cluster they talk to, also when interrupted or failing.
            if (producer is not null) await producer.DisposeAsync();
            if (consumers is not null) await consumers.DisposeAsync();
            if (embedded is not null) await embedded.DisposeAsync();
        }
    }
}
