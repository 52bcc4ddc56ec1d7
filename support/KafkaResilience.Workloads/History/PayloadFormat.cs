using System.Buffers.Binary;

namespace KafkaResilience.Workloads.History;

/// <summary>
/// The byte layout of a workload payload: magic "KR" (2 bytes), run tag (2), producer id (4),
/// sequence (8), send ticks (8), then filler up to the message size. Little endian. Records that
/// do not start with the magic are counted as foreign, never as ours.
/// </summary>
public static class PayloadFormat
{
    /// <summary>Bytes taken by the header; the smallest allowed message size.</summary>
    public const int HeaderSize = 24;

    private const ushort Magic = 0x524B; // "KR" little endian

    /// <summary>Writes the header into the first <see cref="HeaderSize"/> bytes of <paramref name="destination"/>.</summary>
    public static void Write(Span<byte> destination, in PayloadHeader header)
    {
        if (destination.Length < HeaderSize)
            throw new ArgumentException($"A payload needs at least {HeaderSize} bytes; got {destination.Length}.", nameof(destination));
        BinaryPrimitives.WriteUInt16LittleEndian(destination, Magic);
        BinaryPrimitives.WriteUInt16LittleEndian(destination[2..], header.RunTag);
        BinaryPrimitives.WriteInt32LittleEndian(destination[4..], header.ProducerId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], header.Sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], header.SentTicks);
    }

    /// <summary>Only the sequence and send time change between messages of one stream: rewrite just those.</summary>
    public static void WriteSequence(Span<byte> destination, long sequence, long sentTicks)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], sequence);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], sentTicks);
    }

    /// <summary>Reads a header; false when the bytes are not a workload payload.</summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out PayloadHeader header)
    {
        if (source.Length < HeaderSize || BinaryPrimitives.ReadUInt16LittleEndian(source) != Magic)
        {
            header = default;
            return false;
        }
        header = new PayloadHeader(
            BinaryPrimitives.ReadUInt16LittleEndian(source[2..]),
            BinaryPrimitives.ReadInt32LittleEndian(source[4..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[8..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[16..]));
        return true;
    }

    /// <summary>A payload buffer of <paramref name="size"/> bytes: header, then a readable filler.</summary>
    public static byte[] NewBuffer(int size, in PayloadHeader header)
    {
        if (size < HeaderSize)
            throw new ArgumentOutOfRangeException(nameof(size), size, $"Message size must be at least {HeaderSize} bytes (the payload header).");
        var buffer = new byte[size];
        for (var i = HeaderSize; i < size; i++)
            buffer[i] = (byte)('a' + (i % 26));
        Write(buffer, header);
        return buffer;
    }
}
