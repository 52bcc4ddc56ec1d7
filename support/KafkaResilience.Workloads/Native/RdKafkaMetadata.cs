using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_metadata_t</c>, as <c>rd_kafka_metadata()</c> returns it (free it with <c>rd_kafka_metadata_destroy</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaMetadata
{
    public int BrokerCount;
    public IntPtr Brokers;
    public int TopicCount;
    public IntPtr Topics; // RdKafkaMetadataTopic[TopicCount]
    public int OriginBrokerId;
    public IntPtr OriginBrokerName;
}
