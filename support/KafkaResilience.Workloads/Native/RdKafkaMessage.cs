using System.Runtime.InteropServices;

namespace KafkaResilience.Workloads.Native;

/// <summary>librdkafka's <c>rd_kafka_message_t</c>, as the delivery-report callback receives it.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct RdKafkaMessage
{
    public int Err;
    public IntPtr Topic;
    public int Partition;
    public IntPtr Payload;
    public nuint Length;
    public IntPtr Key;
    public nuint KeyLength;
    public long Offset;
    public IntPtr Opaque;
}
