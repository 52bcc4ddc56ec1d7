using FluentAssertions;
using KafkaResilience.Chaos.Tests.Scenario;
using KafkaResilience.Chaos.Timeline;
using KafkaResilience.Cluster;
using KafkaResilience.Workloads.History;
using Xunit;

namespace KafkaResilience.Chaos.Tests.Timeline;

public sealed class FaultTimelineTests
{
    [Fact]
    public void Leadership_changes_are_absorbed_once_and_kept_in_time_order()
    {
        var timeline = new FaultTimeline();
        var at = DateTimeOffset.UtcNow.AddSeconds(-1);
        var changes = new[] { new LeadershipChange(at, "q_1", 2, 106, 108, "broker 106 lost") };
        timeline.Note("broker 106 started");

        timeline.Absorb(changes);
        timeline.Absorb(changes);

        timeline.Entries.Should().HaveCount(2);
        timeline.Entries[0].Kind.Should().Be(FaultTimelineEntryKind.LeaderChange);
        timeline.ToText(at, []).Should().Contain("leader of q_1-2 moved broker 106 -> broker 108");
    }

    [Fact]
    public void The_faults_are_rendered_from_their_marks_on_the_history_s_clock_with_the_notes_between()
    {
        // Given a history on a manual clock, a fault marked from 2 s to 5 s, and a note at 3 s on the same clock
        var clock = new ManualClock();
        var ledger = new HistoryLedger(new LedgerOptions { Clock = clock });
        var timeline = new FaultTimeline(() => ledger.OriginWallClock + ledger.Elapsed(ledger.Now()));
        clock.Set(2);
        var mark = ledger.BeginFault("kill the leader of partition 0 of \"f\"", "broker 105");
        clock.Set(3);
        timeline.Note("consumer 1 of group \"g\" crashed");
        clock.Set(5);
        ledger.EndFault(mark);

        // When the timeline is rendered with the marks
        var lines = timeline.ToText(ledger.OriginWallClock, [mark]).TrimEnd().Split('\n');

        // Then each fault shows once, where its mark is, among the notes
        lines.Should().Equal(
            "+   2.000s  Injected          kill the leader of partition 0 of \"f\" (broker 105)",
            "+   3.000s  Note              consumer 1 of group \"g\" crashed",
            "+   5.000s  Healed            kill the leader of partition 0 of \"f\" (broker 105)");
        timeline.Entries.Should().ContainSingle("the timeline itself holds only the note; the fault is recorded once, on the history");
    }
}
