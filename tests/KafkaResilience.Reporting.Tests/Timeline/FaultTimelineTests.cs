using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Reporting.Timeline;
using KafkaResilience.Workloads.History;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace KafkaResilience.Reporting.Tests.Timeline;

public sealed class FaultTimelineTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void The_faults_notes_and_leadership_changes_are_rendered_from_the_history_alone_in_time_order()
    {
        // Given a history: a fault marked from 2 s to 5 s, a note at 3 s, a leader change the cluster recorded at 4 s (twice)
        var ledger = new HistoryLedger(new LedgerOptions { Clock = _clock });
        _clock.Advance(TimeSpan.FromSeconds(2));
        var mark = ledger.BeginFault("kill the leader of partition 0 of \"f\"", [105]);
        _clock.Advance(TimeSpan.FromSeconds(1));
        ledger.Note("consumer 1 of group \"g\" crashed");
        var change = new LeadershipChange(ledger.OriginWallClock.AddSeconds(4), "f", 0, 105, 108, "broker 105 lost");
        ledger.RecordLeadershipChange(change);
        ledger.RecordLeadershipChange(change);
        _clock.Advance(TimeSpan.FromSeconds(2));
        ledger.EndFault(mark);

        // When the timeline is rendered
        var timeline = new FaultTimeline(ledger.Snapshot());
        var lines = timeline.ToText().TrimEnd().Split('\n');

        // Then each fact shows once, where the history put it
        lines.Should().Equal(
            "+   2.000s  Injected          kill the leader of partition 0 of \"f\" (broker 105)",
            "+   3.000s  Note              consumer 1 of group \"g\" crashed",
            "+   4.000s  LeaderChange      leader of f-0 moved broker 105 -> broker 108 (broker 105 lost)",
            "+   5.000s  Healed            kill the leader of partition 0 of \"f\" (broker 105)");
        timeline.ToJson().Should().Contain("\"kind\": \"LeaderChange\"").And.Contain("\"brokers\": \"broker 105\"");
    }
}
