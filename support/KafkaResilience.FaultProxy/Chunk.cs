namespace KafkaResilience.FaultProxy;

/// <summary>Bytes read from one socket, in a pooled buffer, stamped with the time they were read.</summary>
internal readonly record struct Chunk(byte[] Buffer, int Length, long Timestamp);
