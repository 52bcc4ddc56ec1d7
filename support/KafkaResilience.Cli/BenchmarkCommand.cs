using KafkaResilience.Cluster;
using KafkaResilience.Embedded;
using KafkaResilience.Workloads.Checkers;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using KafkaResilience.Workloads.Producing;
using KafkaResilience.Workloads.Reporting;

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
            var idle = TimeSpan.FromSeconds(o.ConsumeOnly ? 2 : 10);
            var budget = TimeSpan.FromSeconds(Math.Max(120, o.Messages / 50_000.0));

            consumers = o.Consumers > 0
                ? ConsumerWorkload.Start(bootstrap, new ConsumerWorkloadOptions { Topic = o.Topic, Consumers = o.Consumers, GroupId = $"benchmark-{ledger.RunTag}" }, ledger, log: log)
                : null;
            if (consumers is not null)
            {
                var partitions = TopicProbe.PartitionCount(bootstrap, new Dictionary<string, string>(), o.Topic, TimeSpan.FromSeconds(30));
                await consumers.WaitForAssignmentAsync(partitions, TimeSpan.FromSeconds(60), ct);
            }
            if (!o.ConsumeOnly)
            {
                producer = ProducerWorkload.Start(bootstrap, new ProducerWorkloadOptions
                {
                    Topic = o.Topic, MessageCount = o.Messages, MessageSize = o.Size, RatePerSecond = o.Rate,
                    Instances = o.Producers, ThreadsPerInstance = o.Threads, Settings = o.Settings,
                }, ledger, log: log);
                await producer.WaitAsync(budget, ct);
            }
            CatchUpResult? caughtUp = null;
            if (consumers is not null && o.ConsumeOnly)
            {
                var read = await consumers.WaitUntilIdleAsync(idle, budget, ct);
                log($"consume-only: {read:N0} records read, then idle for {idle.TotalSeconds:0} s");
                await consumers.StopAllAsync();
            }
            else if (consumers is not null)
            {
                caughtUp = await consumers.WaitUntilCaughtUpAsync(() => producer?.IsCompleted ?? true, idle, budget, ct);
                await consumers.StopAllAsync();
            }
            var produced = producer is not null;
            if (producer is not null)
            {
                await producer.DisposeAsync();
                producer = null;
            }
            var history = ledger.Snapshot(embedded?.LeadershipChanges);

            if (produced) output(PerfReport.ProducerLine(history));
            if (consumers is not null)
            {
                output(PerfReport.ConsumerHeader);
                output(PerfReport.ConsumerLine(history));
                foreach (var line in PerfReport.PerConsumerLines(history)) output("  " + line);
                if (caughtUp is not null) output($"consumers: {caughtUp}");
            }
            if (produced && consumers is not null && o.Ledger)
            {
                var run = CheckerRun.Of(history, new LostChecker(), new DuplicateChecker(), new ReorderChecker());
                output(run.ToString());
                if (embedded is not null && run.Validity != Validity.Valid)
                    output("note: the embedded cluster keeps only ~5 MB per partition; records the consumers had not read by then are gone (lost).");
                return run.Validity == Validity.Valid ? 0 : 1;
            }
            return 0;
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
