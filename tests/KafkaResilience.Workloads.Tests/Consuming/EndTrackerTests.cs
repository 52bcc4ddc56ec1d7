using FluentAssertions;
using KafkaResilience.Workloads.Consuming;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

public sealed class EndTrackerTests
{
    [Fact]
    public void A_reader_is_done_when_each_partition_was_read_to_the_end_it_had_at_the_start()
    {
        // Given: partition 0 holds offsets 0-9, partition 1 holds 100-104 (its log starts at 100)
        var ends = new EndTracker([(0, 0, 10), (1, 100, 105)]);

        // When / Then
        ends.Read(0, 8).Should().BeFalse();
        ends.Read(1, 104).Should().BeFalse("partition 0 still has offset 9 to read");
        ends.Remaining.Should().Be(1);
        ends.Read(0, 9).Should().BeTrue();
        ends.Done.Should().BeTrue();
    }

    [Fact]
    public void Partitions_that_held_nothing_are_done_from_the_start()
    {
        new EndTracker([(0, 0, 0), (1, 50, 50)]).Done.Should().BeTrue();
        new EndTracker([]).Done.Should().BeTrue("a reader given no partition has nothing to read");
    }

    [Fact]
    public void Records_written_after_the_start_are_not_waited_for_and_the_end_of_a_partition_also_finishes_it()
    {
        var ends = new EndTracker([(0, 0, 10), (1, 0, 10)]);

        ends.Read(0, 15).Should().BeFalse("a record past the end finishes partition 0 too");
        ends.EndOfPartition(1, 9).Should().BeFalse("the end of partition 1 came before its end offset at the start");
        ends.EndOfPartition(1, 10).Should().BeTrue();
    }
}
