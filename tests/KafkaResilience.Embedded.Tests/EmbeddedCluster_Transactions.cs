using System.Diagnostics;
using Confluent.Kafka;
using FluentAssertions;
using KafkaResilience.Cluster;
using Xunit;

namespace KafkaResilience.Embedded.Tests;

/// <summary>
/// What librdkafka's mock cluster models of transactions, measured with real clients on every run, so the capability
/// list (<see cref="EmbeddedCapabilities"/>) and the README's "cannot model" list cannot silently go stale. Read from
/// the mock's sources (rdkafka_mock_handlers.c: InitProducerId, AddPartitionsToTxn, TxnOffsetCommit, EndTxn, Fetch)
/// and confirmed here: transactions commit and abort with control markers, but a Fetch ignores the isolation level,
/// TxnOffsetCommit stores nothing, and a second producer with the same transactional.id fences nobody.
/// </summary>
public sealed class EmbeddedCluster_Transactions
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Transactions_commit_and_abort_with_markers_but_a_read_committed_consumer_reads_aborted_and_open_ones()
    {
        // Given: one partition; a committed transaction of keys 0-9, an aborted one of 10-19 (flushed first, so its
        // records reach the log), an aborted one of 30-39 never flushed, and an open one of 20-29
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("t", 1, 1)] }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        List<(long Key, long Offset)> committedRead, uncommittedRead;
        long high;
        await using (cluster)
        {
            using var producer = TransactionalProducer(cluster.BootstrapServers, "tx-a");
            producer.InitTransactions(Patience);
            Transaction(producer, 0, 10, "t");
            producer.CommitTransaction(Patience);
            Transaction(producer, 10, 20, "t");
            producer.Flush(Patience);
            producer.AbortTransaction(Patience);
            Transaction(producer, 30, 40, "t");
            producer.AbortTransaction(Patience);
            Transaction(producer, 20, 30, "t");
            producer.Flush(Patience);

            // When: both isolation levels read the partition while the last transaction is still open
            committedRead = ReadAll(cluster.BootstrapServers, "t", IsolationLevel.ReadCommitted);
            uncommittedRead = ReadAll(cluster.BootstrapServers, "t", IsolationLevel.ReadUncommitted);
            high = Watermarks(cluster.BootstrapServers, "t").High.Value;
            producer.CommitTransaction(Patience);
        }

        // Then: each ended transaction left one control marker (offsets 10 and 21), the unflushed abort wrote nothing,
        // and read_committed read the aborted keys 10-19 and the open keys 20-29 exactly as read_uncommitted did
        uncommittedRead.Select(r => r.Key).Should().Equal(Enumerable.Range(0, 30).Select(k => (long)k));
        uncommittedRead.Select(r => r.Offset).Should().Equal(Enumerable.Range(0, 10).Concat(Enumerable.Range(11, 10)).Concat(Enumerable.Range(22, 10)).Select(o => (long)o));
        high.Should().Be(32, "30 records and 2 control markers (the open transaction has none yet)");
        committedRead.Should().Equal(uncommittedRead, "the mock's Fetch answers with no aborted-transaction list and the high watermark as the last stable offset");
        EmbeddedCapabilities.Missing(faultProxy: true).WhyNot(Capability.ReadCommitted).Should().Contain("ignores isolation.level");
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task Offsets_sent_to_a_committed_transaction_are_not_stored_while_a_plain_commit_is()
    {
        // Given: a consumer of group "processor" that read offset 0 of "in"
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("in", 1, 1), new TopicSpec("out", 1, 1)] }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        Offset afterTransaction, afterPlainCommit;
        await using (cluster)
        {
            using (var seed = Traffic.Producer(cluster.BootstrapServers))
            {
                for (var i = 0; i < 5; i++) seed.Produce("in", new() { Key = i, Value = Traffic.Payload });
                seed.Flush(Patience).Should().Be(0);
            }
            using var consumer = Consumer(cluster.BootstrapServers, "processor", IsolationLevel.ReadCommitted);
            consumer.Subscribe("in");
            var first = ConsumeOne(consumer);
            using var producer = TransactionalProducer(cluster.BootstrapServers, "tx-processor");
            producer.InitTransactions(Patience);

            // When: its next offset is sent to a transaction that commits, then committed plainly
            producer.BeginTransaction();
            producer.Produce("out", new() { Key = first.Message.Key, Value = Traffic.Payload });
            producer.SendOffsetsToTransaction([new TopicPartitionOffset("in", 0, first.Offset + 1)], consumer.ConsumerGroupMetadata, Patience);
            producer.CommitTransaction(Patience);
            afterTransaction = consumer.Committed([new TopicPartition("in", 0)], Patience).Single().Offset;
            consumer.Commit([new TopicPartitionOffset("in", 0, 3)]);
            afterPlainCommit = consumer.Committed([new TopicPartition("in", 0)], Patience).Single().Offset;
            consumer.Close();
        }

        // Then: the transaction's offset commit left nothing; the plain one is there
        afterTransaction.Should().Be(Offset.Unset, "the mock answers TxnOffsetCommit without storing the offsets");
        afterPlainCommit.Value.Should().Be(3);
        EmbeddedCapabilities.Missing(faultProxy: true).WhyNot(Capability.TransactionalOffsetCommit).Should().Contain("without storing the offsets");
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task A_second_producer_with_the_same_transactional_id_does_not_fence_the_first()
    {
        // Given: producer A with an open transaction holding key 100
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions { Topics = [new TopicSpec("z", 1, 1)] }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        List<(long Key, long Offset)> read;
        Exception? zombieFailure = null;
        await using (cluster)
        {
            using var zombie = TransactionalProducer(cluster.BootstrapServers, "tx-z");
            zombie.InitTransactions(Patience);
            Transaction(zombie, 100, 101, "z");
            zombie.Flush(Patience);

            // When: producer B starts with the same transactional.id, then A writes key 101 and commits, then B commits key 102
            using var successor = TransactionalProducer(cluster.BootstrapServers, "tx-z");
            successor.InitTransactions(Patience);
            try
            {
                zombie.Produce("z", new() { Key = 101, Value = Traffic.Payload });
                zombie.CommitTransaction(Patience);
            }
            catch (KafkaException e)
            {
                zombieFailure = e;
            }
            Transaction(successor, 102, 103, "z");
            successor.CommitTransaction(Patience);
            read = ReadAll(cluster.BootstrapServers, "z", IsolationLevel.ReadCommitted);
        }

        // Then: A was never fenced: its commit went through and its keys are read beside B's
        zombieFailure.Should().BeNull("the mock hands B a new producer id at epoch 0 instead of bumping A's epoch");
        read.Select(r => r.Key).Should().Equal(100L, 101L, 102L);
        EmbeddedCapabilities.Missing(faultProxy: true).WhyNot(Capability.ProducerFencing).Should().Contain("never fenced");
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    [Fact]
    public async Task A_transactional_producer_commits_again_after_its_coordinator_is_killed()
    {
        // Given: the coordinator of "tx-k" known to the controller emulation, and one committed transaction
        var ct = TestContext.Current.CancellationToken;
        var cluster = await EmbeddedCluster.StartAsync(new EmbeddedClusterOptions
        {
            DetectionDelay = TimeSpan.FromMilliseconds(500),
            Topics = [new TopicSpec("k", 3, 3)],
        }, ct);
        var ports = ResourceLeaks.PortsOf(cluster);
        int coordinator, after;
        IReadOnlyList<LeadershipChange> changes;
        await using (cluster)
        {
            coordinator = await cluster.TransactionCoordinatorAsync("tx-k", ct);
            using var producer = TransactionalProducer(cluster.BootstrapServers, "tx-k");
            producer.InitTransactions(Patience);
            Transaction(producer, 0, 10, "k");
            producer.CommitTransaction(Patience);

            // When: its coordinator is killed and the emulation moves it
            await cluster.KillAsync(coordinator, ct);
            var clock = Stopwatch.StartNew();
            after = coordinator;
            for (var attempt = 0; attempt < 250 && after == coordinator && clock.Elapsed < TimeSpan.FromSeconds(5); attempt++)
            {
                await Task.Delay(20, ct);
                after = await cluster.TransactionCoordinatorAsync("tx-k", ct);
            }

            // Then: the next transaction commits through the new coordinator
            Transaction(producer, 10, 20, "k");
            producer.CommitTransaction(Patience);
            changes = cluster.LeadershipChanges;
        }
        after.Should().NotBe(coordinator);
        changes.Should().Contain(c => c.IsCoordinatorChange && c.Topic == "transactional.id tx-k" && c.From == coordinator && c.To == after);
        await ResourceLeaks.AssertNoneLeftAsync(ports);
    }

    /// <summary>Begins a transaction and produces keys [from, to) into it.</summary>
    private static void Transaction(IProducer<long, byte[]> producer, int from, int to, string topic)
    {
        producer.BeginTransaction();
        for (var key = from; key < to; key++) producer.Produce(topic, new() { Key = key, Value = Traffic.Payload });
    }

    private static IProducer<long, byte[]> TransactionalProducer(string bootstrap, string transactionalId) =>
        Traffic.Producer(bootstrap, c =>
        {
            c.TransactionalId = transactionalId;
            c.EnableIdempotence = true;
            c.TransactionTimeoutMs = 60_000;
        });

    private static IConsumer<long, byte[]> Consumer(string bootstrap, string group, IsolationLevel isolation) =>
        new ConsumerBuilder<long, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = group,
            EnableAutoCommit = false,
            AutoOffsetReset = AutoOffsetReset.Earliest,
            IsolationLevel = isolation,
            FetchWaitMaxMs = 50,
        }).SetKeyDeserializer(Traffic.LongSerializer.Instance).SetLogHandler((_, _) => { }).Build();

    private static ConsumeResult<long, byte[]> ConsumeOne(IConsumer<long, byte[]> consumer)
    {
        var clock = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 1_000 && clock.Elapsed < Patience; attempt++)
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null, IsPartitionEOF: false } record) return record;
        throw new TimeoutException($"The consumer read nothing within {Patience.TotalSeconds} s.");
    }

    private static WatermarkOffsets Watermarks(string bootstrap, string topic)
    {
        using var consumer = Consumer(bootstrap, "watermarks", IsolationLevel.ReadCommitted);
        return consumer.QueryWatermarkOffsets(new TopicPartition(topic, 0), Patience);
    }

    /// <summary>Reads partition 0 of a topic from the beginning (no group) until nothing new came for 2 s.</summary>
    private static List<(long Key, long Offset)> ReadAll(string bootstrap, string topic, IsolationLevel isolation)
    {
        using var consumer = Consumer(bootstrap, "assign-only", isolation);
        consumer.Assign(new TopicPartitionOffset(topic, 0, Offset.Beginning));
        var read = new List<(long, long)>();
        var quiet = Stopwatch.StartNew();
        for (var attempt = 0; attempt < 1_000 && quiet.Elapsed < TimeSpan.FromSeconds(2); attempt++)
        {
            if (consumer.Consume(TimeSpan.FromMilliseconds(100)) is { Message: not null, IsPartitionEOF: false } record)
            {
                read.Add((record.Message.Key, record.Offset.Value));
                quiet.Restart();
            }
        }
        consumer.Close();
        return read;
    }
}
