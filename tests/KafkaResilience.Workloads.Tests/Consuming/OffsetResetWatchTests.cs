using FluentAssertions;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

public sealed class OffsetResetWatchTests
{
    private static readonly Func<string, int, long> NeverAsked = (_, _) => throw new InvalidOperationException("the log start was asked for an in-order read");

    private static OffsetResetWatch Watch() => new(topic => topic == "one" ? 0 : 1);

    private static Func<string, int, long> LogStartAt(long offset) => (_, _) => offset;

    private static OffsetResetNotice OutOfRange(long at, string target = "cached BEGINNING offset 500", OffsetResetKind kind = OffsetResetKind.ToLogStart, int partition = 0) =>
        new("one", partition, at, kind, target, "fetch failed: Broker: Offset out of range");

    [Fact]
    public void Records_read_in_order_show_no_reset_and_never_ask_for_the_log_start()
    {
        var watch = Watch();
        watch.Read(0, "one", 0, 0, 0, LogStartAt(0)).Should().BeNull();
        for (long o = 1; o < 100; o++) watch.Read(0, "one", 0, o, 0, NeverAsked).Should().BeNull();
    }

    [Fact]
    public void A_reported_reset_ends_at_the_next_record_read_there_and_skips_what_lies_between()
    {
        // Given
        var watch = Watch();
        for (long o = 0; o < 10; o++) watch.Read(0, "one", 0, o, 0, LogStartAt(0));

        // When: librdkafka found offset 10 gone and went to the log start; the next record read is 750
        watch.Noticed(OutOfRange(10), ticks: 5);
        var resets = watch.Read(0, "one", 0, 750, 9, NeverAsked);

        // Then
        var reset = resets.Should().ContainSingle().Which;
        reset.Should().BeEquivalentTo(new { Topic = 0, Partition = 0, From = 10L, To = (long?)750, Kind = OffsetResetKind.ToLogStart, Ticks = 5L });
        reset.Reason.Should().Contain("Offset out of range").And.Contain("cached BEGINNING offset 500");
        watch.Read(0, "one", 0, 751, 9, NeverAsked).Should().BeNull();
    }

    [Fact]
    public void Each_reset_of_a_chain_is_kept_up_to_where_the_next_began()
    {
        // Given: a consumer far behind the log start; each reset lands on an offset already gone
        var watch = Watch();
        watch.Read(0, "one", 0, 9, 0, LogStartAt(0));
        watch.Noticed(OutOfRange(10, "cached BEGINNING offset 500"), 1);
        watch.Noticed(OutOfRange(500, "cached BEGINNING offset 900"), 2);

        // When
        var resets = watch.Read(0, "one", 0, 905, 3, NeverAsked);

        // Then
        resets.Should().HaveCount(2);
        resets![0].Should().BeEquivalentTo(new { From = 10L, To = (long?)500, Ticks = 1L });
        resets[1].Should().BeEquivalentTo(new { From = 500L, To = (long?)905, Ticks = 2L });
        resets[1].Reason.Should().Contain("900");
    }

    [Fact]
    public void A_notice_for_another_partition_does_not_end_this_partitions_jump()
    {
        var watch = Watch();
        watch.Read(0, "one", 0, 9, 0, LogStartAt(0));
        watch.Noticed(OutOfRange(10, partition: 1), 0);

        var reset = watch.Read(0, "one", 0, 20, 0, LogStartAt(5));

        reset.Should().ContainSingle().Which.Kind.Should().Be(OffsetResetKind.Unexplained);
        watch.Unfinished().Should().ContainSingle().Which.Partition.Should().Be(1);
    }

    [Theory]
    [InlineData(40, OffsetResetKind.ToLogStart)]   // the log began at the record read: what lay between was gone
    [InlineData(20, OffsetResetKind.Unexplained)]  // the skipped records were still there
    public void A_jump_with_no_notice_is_judged_by_the_log_start(long logStart, OffsetResetKind kind)
    {
        var watch = Watch();
        watch.Read(0, "one", 0, 9, 0, LogStartAt(0));
        var reset = watch.Read(0, "one", 0, 40, 0, LogStartAt(logStart));
        reset.Should().ContainSingle().Which.Should().BeEquivalentTo(new { From = 10L, To = (long?)40, Kind = kind });
    }

    [Fact]
    public void A_first_read_at_the_log_start_finds_everything_below_it_gone()
    {
        // Given: 200,000 records written before this consumer came; the log now starts at 153,944
        var watch = Watch();

        // When
        var reset = watch.Read(0, "one", 0, 153_944, 0, LogStartAt(153_944));

        // Then
        reset.Should().ContainSingle().Which.Should().BeEquivalentTo(new { From = 0L, To = (long?)153_944, Kind = OffsetResetKind.ToLogStart });
    }

    [Theory]
    [InlineData(0, 0)]     // the log still starts at 0: nothing was gone
    [InlineData(300, 100)] // started above the log start (a committed offset): nothing skipped here
    public void A_first_read_elsewhere_is_no_reset(long offset, long logStart) =>
        Watch().Read(0, "one", 0, offset, 0, LogStartAt(logStart)).Should().BeNull();

    [Fact]
    public void After_a_rebalance_the_next_record_is_a_first_read_again()
    {
        var watch = Watch();
        watch.Read(0, "one", 0, 9, 0, LogStartAt(0));
        watch.Forget([("one", 0)]);
        // Another member read 10..299 meanwhile; this one resumes at the committed offset 300.
        watch.Read(0, "one", 0, 300, 0, LogStartAt(100)).Should().BeNull();
    }

    [Fact]
    public void Reading_again_from_an_earlier_offset_is_no_reset()
    {
        var watch = Watch();
        for (long o = 0; o < 10; o++) watch.Read(0, "one", 0, o, 0, LogStartAt(0));
        watch.Read(0, "one", 0, 0, 0, NeverAsked).Should().BeNull();
    }

    [Fact]
    public void A_reset_never_followed_by_a_record_is_still_reported()
    {
        var watch = Watch();
        watch.Noticed(OutOfRange(10), 0);
        watch.Noticed(OutOfRange(500), 1);

        var left = watch.Unfinished();

        left.Should().HaveCount(2);
        left[0].Should().BeEquivalentTo(new { From = 10L, To = (long?)500, Kind = OffsetResetKind.ToLogStart });
        left[1].Should().BeEquivalentTo(new { From = 500L, To = (long?)null, Kind = OffsetResetKind.ToLogStart });
        watch.Unfinished().Should().BeEmpty();
    }
}
