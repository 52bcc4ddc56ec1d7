using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_topic_partition_t</c>: one topic partition of a list, with an offset and an error.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaTopicPartition
{
    public IntPtr Topic;
    public int Partition;
    public long Offset;
    public IntPtr Metadata;
    public nuint MetadataSize;
    public IntPtr Opaque;
    public int Err;
    public IntPtr Private;
}
