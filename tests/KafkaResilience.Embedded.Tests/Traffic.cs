using System.Collections.Concurrent;
using System.Diagnostics;
using Confluent.Kafka;

namespace KafkaResilience.Embedded.Tests;

/// <summary>Small producer and consumer helpers for the integration tests: sequence numbers in the key, 100-byte values.</summary>
internal static class Traffic
{
    public static readonly byte[] Payload = new byte[100];

    public static ProducerConfig ProducerConfig(string bootstrap) => new()
    {
        BootstrapServers = bootstrap,
        Acks = Acks.All,
        LingerMs = 5,
        MessageTimeoutMs = 30_000,
        RetryBackoffMs = 100,
        RetryBackoffMaxMs = 500,
        TopicMetadataRefreshIntervalMs = 1_000,
    };

    /// <summary>Reads every partition of a topic from the beginning (no group) until <paramref name="expected"/> distinct keys are seen or the timeout passes.</summary>
    public static HashSet<long> ConsumeAll(string bootstrap, string topic, int partitions, int expected, TimeSpan timeout)
    {
        using var consumer = new ConsumerBuilder<long, byte[]>(new ConsumerConfig
        {
            BootstrapServers = bootstrap,
            GroupId = "unused-assign-only",
            EnableAutoCommit = false,
            FetchWaitMaxMs = 50,
        }).SetKeyDeserializer(LongSerializer.Instance).Build();
        consumer.Assign(Enumerable.Range(0, partitions).Select(p => new TopicPartitionOffset(topic, p, Offset.Beginning)));
        var seen = new HashSet<long>();
        var clock = Stopwatch.StartNew();
        while (seen.Count < expected && clock.Elapsed < timeout)
        {
            var record = consumer.Consume(TimeSpan.FromMilliseconds(200));
            if (record is { IsPartitionEOF: false, Message: not null }) seen.Add(record.Message.Key);
        }
        consumer.Close();
        return seen;
    }

    public static IProducer<long, byte[]> Producer(string bootstrap, Action<ProducerConfig>? tune = null)
    {
        var config = ProducerConfig(bootstrap);
        tune?.Invoke(config);
        return new ProducerBuilder<long, byte[]>(config).SetKeySerializer(LongSerializer.Instance).SetLogHandler((_, _) => { }).Build();
    }

    /// <summary>Acknowledged keys, and keys whose delivery failed, recorded by delivery handlers.</summary>
    public sealed class Deliveries
    {
        public ConcurrentDictionary<long, Offset> Acked { get; } = new();
        public ConcurrentDictionary<long, ErrorCode> Failed { get; } = new();

        public void Record(DeliveryReport<long, byte[]> report)
        {
            if (report.Status == PersistenceStatus.Persisted) Acked[report.Message.Key] = report.Offset;
            else Failed[report.Message.Key] = report.Error.Code;
        }

        public int Done => Acked.Count + Failed.Count;
    }

    /// <summary>Big-endian 64-bit key (de)serializer.</summary>
    internal sealed class LongSerializer : ISerializer<long>, IDeserializer<long>
    {
        public static readonly LongSerializer Instance = new();

        public byte[] Serialize(long data, SerializationContext context)
        {
            var bytes = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64BigEndian(bytes, data);
            return bytes;
        }

        public long Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context) =>
            System.Buffers.Binary.BinaryPrimitives.ReadInt64BigEndian(data);
    }
}
