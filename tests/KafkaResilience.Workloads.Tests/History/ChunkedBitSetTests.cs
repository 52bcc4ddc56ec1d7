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
    public void A_freeing_set_gives_back_each_chunk_once_all_its_bits_are_set_and_still_answers_for_them()
    {
        // Given: three 8 KB chunks filled in order, and a fourth with one bit missing
        var bits = new ChunkedBitSet(freeFullChunks: true);
        const long chunk = 1L << ChunkedBitSet.FreeableChunkBitsLog2;
        var alreadySet = 0;
        for (long i = 0; i < 4 * chunk; i++)
            if (i != 3 * chunk + 17 && bits.Set(i)) alreadySet++;
        alreadySet.Should().Be(0);

        // Then: only the chunk with a hole (and the table) is kept
        bits.AllocatedBytes.Should().BeLessThan(chunk / 8 + 1024);
        bits.Get(5).Should().BeTrue();
        bits.Set(5).Should().BeTrue();
        bits.Word(0).Should().Be(ulong.MaxValue);
        bits.Get(3 * chunk + 17).Should().BeFalse();
        bits.Set(3 * chunk + 17).Should().BeFalse();
        bits.AllocatedBytes.Should().BeLessThan(1024);
        bits.WordExtent().Should().Be(4 * chunk / 64);
    }

    [Fact]
    public void A_set_that_keeps_its_chunks_keeps_them_when_full()
    {
        var bits = new ChunkedBitSet();
        for (long i = 0; i < 1L << ChunkedBitSet.ChunkBitsLog2; i++) bits.Set(i);
        bits.AllocatedBytes.Should().BeGreaterThanOrEqualTo((1L << ChunkedBitSet.ChunkBitsLog2) / 8);
    }

    [Fact]
    public void Concurrent_setters_of_a_freeing_set_each_see_a_bit_new_exactly_once()
    {
        var bits = new ChunkedBitSet(freeFullChunks: true);
        var firsts = 0;
        Parallel.For(0, 4, _ =>
        {
            for (long i = 0; i < 300_000; i++)
                if (!bits.Set(i)) Interlocked.Increment(ref firsts);
        });
        firsts.Should().Be(300_000);
        var set = 0;
        for (long i = 0; i < 300_000; i++) if (bits.Get(i)) set++;
        set.Should().Be(300_000);
        bits.Get(300_000).Should().BeFalse();
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(3, 61)]
    [InlineData(60, 10)]
    [InlineData(64, 64)]
    [InlineData(5, 1000)]
    public void A_range_sets_exactly_its_bits_across_words_and_counts_those_already_set(long first, long count)
    {
        // Given: every third bit around the range already set
        var bits = new ChunkedBitSet();
        var already = 0L;
        for (var i = Math.Max(0, first - 70); i < first + count + 70; i += 3)
        {
            bits.Set(i);
            if (i >= first && i < first + count) already++;
        }

        // When
        var reported = bits.SetRange(first, count);

        // Then
        reported.Should().Be(already);
        for (var i = Math.Max(0, first - 70); i < first + count + 70; i++)
            bits.Get(i).Should().Be(i >= first && i < first + count || (i - Math.Max(0, first - 70)) % 3 == 0, $"bit {i}");
    }

    [Fact]
    public void A_freeing_set_filled_by_ranges_gives_back_its_full_chunks()
    {
        var bits = new ChunkedBitSet(freeFullChunks: true);
        const long chunk = 1L << ChunkedBitSet.FreeableChunkBitsLog2;

        // When: three chunks filled by ranges of 100 that straddle words and chunks, and a little more
        long twice = 0;
        for (long i = 0; i < 3 * chunk + 50; i += 100) twice += bits.SetRange(i, Math.Min(100, 3 * chunk + 50 - i));

        // Then
        twice.Should().Be(0);
        bits.AllocatedBytes.Should().BeLessThan(chunk / 8 + 1024, "only the chunk being filled is kept");
        bits.Get(3 * chunk - 1).Should().BeTrue();
        bits.Get(3 * chunk + 49).Should().BeTrue();
        bits.Get(3 * chunk + 50).Should().BeFalse();
        bits.SetRange(chunk - 10, 20).Should().Be(20);
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
