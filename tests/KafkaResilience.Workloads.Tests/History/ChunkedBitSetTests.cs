using FluentAssertions;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.History;

public sealed class ChunkedBitSetTests
{
    [Fact]
    public void Setting_a_bit_twice_reports_the_second_time()
    {
        var bits = new ChunkedBitSet();
        bits.Set(5).Should().BeFalse();
        bits.Set(5).Should().BeTrue();
        bits.Get(5).Should().BeTrue();
        bits.Get(6).Should().BeFalse();
    }

    [Fact]
    public void Far_indexes_allocate_only_their_chunk()
    {
        var bits = new ChunkedBitSet();
        bits.Set(10_000_000_000L).Should().BeFalse();
        bits.Get(10_000_000_000L).Should().BeTrue();
        bits.Get(9_999_999_999L).Should().BeFalse();
        bits.AllocatedBytes.Should().BeLessThan(1_000_000);
    }

    [Fact]
    public void Concurrent_setters_each_see_a_bit_new_exactly_once()
    {
        var bits = new ChunkedBitSet();
        var firsts = 0;
        Parallel.For(0, 4, _ =>
        {
            for (long i = 0; i < 300_000; i++)
                if (!bits.Set(i)) Interlocked.Increment(ref firsts);
        });
        firsts.Should().Be(300_000);
    }

    [Fact]
    public void The_outcome_map_keeps_two_bits_per_sequence_and_returns_the_previous_one()
    {
        var map = new ChunkedOutcomeMap();
        map.Set(31, SendOutcome.Unknown).Should().Be(SendOutcome.Pending);
        map.Set(32, SendOutcome.Ok).Should().Be(SendOutcome.Pending);
        map.Set(31, SendOutcome.Failed).Should().Be(SendOutcome.Unknown);
        map.Get(31).Should().Be(SendOutcome.Failed);
        map.Get(32).Should().Be(SendOutcome.Ok);
        map.Get(33).Should().Be(SendOutcome.Pending);
    }
}
