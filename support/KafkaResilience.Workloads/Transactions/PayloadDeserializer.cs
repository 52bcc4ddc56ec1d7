using Confluent.Kafka;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Transactions;

/// <summary>Parses the payload header straight from the client's buffer (no byte[] per record).</summary>
internal sealed class PayloadDeserializer : IDeserializer<ReceivedPayload>
{
    public ReceivedPayload Deserialize(ReadOnlySpan<byte> data, bool isNull, SerializationContext context)
    {
        PayloadHeader header = default;
        var ours = !isNull && PayloadFormat.TryRead(data, out header);
        return new ReceivedPayload(ours, ours ? header : default, isNull ? 0 : data.Length);
    }
}
