using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_metadata_partition_t</c>: a partition's id, error, leader, replicas and ISR.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaMetadataPartition
{
    public int Id;
    public int Err;
    public int Leader;
    public int ReplicaCount;
    public IntPtr Replicas;
    public int IsrCount;
    public IntPtr Isrs;
}
