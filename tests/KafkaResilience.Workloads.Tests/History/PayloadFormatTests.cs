using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

public sealed class PayloadFormatTests
{
    [Fact]
    public void A_written_header_reads_back_unchanged()
    {
        var header = new PayloadHeader(42, 3, 123_456_789_012, 987_654_321);
        var buffer = PayloadFormat.NewBuffer(100, header);

        PayloadFormat.TryRead(buffer, out var read).Should().BeTrue();
        read.Should().Be(header);
        buffer.Should().HaveCount(100);
    }

    [Fact]
    public void Rewriting_the_sequence_keeps_the_stream_and_tag()
    {
        var buffer = PayloadFormat.NewBuffer(30, new PayloadHeader(1, 2, 0, 0));
        PayloadFormat.WriteSequence(buffer, 77, 88);

        PayloadFormat.TryRead(buffer, out var read).Should().BeTrue();
        read.Should().Be(new PayloadHeader(1, 2, 77, 88));
    }

    [Fact]
    public void Bytes_without_the_magic_are_not_a_payload()
    {
        PayloadFormat.TryRead("hello from kcat, 100 bytes or not..."u8, out _).Should().BeFalse();
        PayloadFormat.TryRead(new byte[10], out _).Should().BeFalse();
    }

    [Fact]
    public void A_message_smaller_than_the_header_is_refused_with_the_minimum_named()
    {
        var act = () => PayloadFormat.NewBuffer(10, default);
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("*at least 24 bytes*");
    }
}
