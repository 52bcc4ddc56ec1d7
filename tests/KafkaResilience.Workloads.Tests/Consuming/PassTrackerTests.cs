using FluentAssertions;
using KafkaResilience.Workloads.Consuming;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

public sealed class PassTrackerTests
{
    [Fact]
    public void Each_partition_is_read_from_its_first_offset_again_until_its_passes_are_done()
    {
        // Given: 3 passes over partitions 0 (offsets 5..6) and 1 (offset 0)
        var passes = new PassTracker(3);

        // When / Then: the first pass is a delivery
        passes.Read(0, 5).Should().BeTrue();
        passes.Read(0, 6).Should().BeTrue();
        passes.Read(1, 0).Should().BeTrue();

        // the end of partition 0 sends it back to offset 5; records of the second pass are re-reads
        passes.EndOfPass(0).Should().Be(5);
        passes.Read(0, 5).Should().BeFalse();
        passes.Read(1, 0).Should().BeTrue("partition 1 is still in its first pass");
        passes.EndOfPass(0).Should().Be(5);
        passes.Read(0, 6).Should().BeFalse();

        // after the third pass partition 0 is done
        passes.EndOfPass(0).Should().BeNull();
        passes.EndOfPass(0).Should().BeNull();
    }

    [Fact]
    public void One_pass_never_seeks_and_an_empty_partition_has_nothing_to_read_again()
    {
        var once = new PassTracker(1);
        once.Read(0, 0).Should().BeTrue();
        once.EndOfPass(0).Should().BeNull();

        var several = new PassTracker(5);
        several.EndOfPass(3).Should().BeNull("partition 3 held no record");
    }

    [Fact]
    public void Fewer_than_one_pass_is_refused() =>
        FluentActions.Invoking(() => new PassTracker(0)).Should().Throw<ArgumentOutOfRangeException>();

    [Fact]
    public void Passes_need_partitions_split_by_hand_and_a_bounded_count()
    {
        var options = new ConsumerWorkloadOptions { Topic = "t", Passes = 3 };
        FluentActions.Invoking(options.Validate).Should().Throw<ArgumentException>()
            .Which.Message.Should().Contain("Passes = 3 needs ManualAssignment");
        FluentActions.Invoking((options with { Passes = 0, ManualAssignment = true }).Validate).Should().Throw<ArgumentOutOfRangeException>()
            .Which.ParamName.Should().Be("Passes");
        FluentActions.Invoking((options with { ManualAssignment = true }).Validate).Should().NotThrow();
    }
}
