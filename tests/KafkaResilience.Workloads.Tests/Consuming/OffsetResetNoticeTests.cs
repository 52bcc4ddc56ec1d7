using FluentAssertions;
using KafkaResilience.Workloads.Consuming;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Workloads.Tests.Consuming;

public sealed class OffsetResetNoticeTests
{
    [Fact]
    public void A_reset_to_the_cached_log_start_names_where_the_consumer_was_and_where_it_went()
    {
        // As librdkafka 2.16 logged it against the embedded cluster (a consumer that fell behind the mock's window).
        const string line = "[thrd:main]: one [0]: offset reset (at offset 120076 (leader epoch 1), broker 105) to cached BEGINNING offset offset 231234 (leader epoch -1): " +
                            "fetch failed due to requested offset not available on the broker: Broker: Offset out of range";

        OffsetResetNotice.TryParse(line, out var notice).Should().BeTrue();

        notice.Should().Be(new OffsetResetNotice("one", 0, 120076, OffsetResetKind.ToLogStart, "cached BEGINNING offset 231234",
            "fetch failed due to requested offset not available on the broker: Broker: Offset out of range"));
    }

    [Theory]
    [InlineData("orders.v2 [3]: offset reset (at offset 42 (leader epoch 0), broker 108) to offset BEGINNING (leader epoch -1): fetch failed: Broker: Offset out of range",
        "orders.v2", 3, 42L, OffsetResetKind.ToLogStart, "BEGINNING")]
    [InlineData("[thrd:main]: q_1 [11]: offset reset (at offset 900 (leader epoch 2), broker 106) to offset END (leader epoch -1): fetch failed: Broker: Offset out of range",
        "q_1", 11, 900L, OffsetResetKind.ToEnd, "END")]
    [InlineData("[thrd:main]: q_1 [1]: offset reset (at offset INVALID (leader epoch -1), broker 106) to offset BEGINNING (leader epoch -1): no offset: Local: No offset stored",
        "q_1", 1, null, OffsetResetKind.ToLogStart, "BEGINNING")]
    public void Each_target_says_where_the_reset_went(string line, string topic, int partition, long? at, OffsetResetKind kind, string target)
    {
        OffsetResetNotice.TryParse(line, out var notice).Should().BeTrue();
        notice.Topic.Should().Be(topic);
        notice.Partition.Should().Be(partition);
        notice.At.Should().Be(at);
        notice.Kind.Should().Be(kind);
        notice.Target.Should().Be(target);
    }

    [Theory]
    [InlineData("")]
    [InlineData("[thrd:main]: Offset commit (unassigned partitions) failed for 3/3 partition(s)")]
    [InlineData("one [0]: offset reset (at something unexpected)")]
    public void Other_lines_are_not_resets(string line) =>
        OffsetResetNotice.TryParse(line, out _).Should().BeFalse();
}
