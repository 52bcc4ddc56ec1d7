using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_metadata_topic_t</c>: a topic's partitions and its error.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaMetadataTopic
{
    public IntPtr Topic;
    public int PartitionCount;
    public IntPtr Partitions; // RdKafkaMetadataPartition[PartitionCount]
    public int Err;
}
