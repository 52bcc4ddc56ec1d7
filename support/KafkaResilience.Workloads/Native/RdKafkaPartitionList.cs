using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_topic_partition_list_t</c> (made and freed by librdkafka: <c>rd_kafka_topic_partition_list_new</c> / <c>_destroy</c>).</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct RdKafkaPartitionList
{
    public int Count;
    public int Size;
    public RdKafkaTopicPartition* Elements;
}
