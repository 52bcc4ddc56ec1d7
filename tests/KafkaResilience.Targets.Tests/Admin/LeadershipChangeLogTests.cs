using FluentAssertions;
using KafkaResilience.Cluster;
using KafkaResilience.Cluster.Admin;

namespace KafkaResilience.Targets.Tests.Admin;

public sealed class LeadershipChangeLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    private static LeadershipChange Move(int partition, int from, int to) => new(T0.AddSeconds(partition), "q_1", partition, from, to, "test");

    [Fact]
    public void Each_recorded_change_is_announced_once_in_the_order_recorded()
    {
        // Given
        var log = new LeadershipChangeLog();
        var heard = new List<LeadershipChange>();
        log.Changed += heard.Add;
        log.Record(Move(0, 105, 106));
        log.Record(Move(1, 106, 108));

        // When
        log.Announce();
        log.Announce();

        // Then
        heard.Should().Equal(log.Changes);
        heard.Should().Equal(Move(0, 105, 106), Move(1, 106, 108));
    }

    [Fact]
    public void Nothing_is_announced_before_Announce_is_called()
    {
        var log = new LeadershipChangeLog();
        var heard = new List<LeadershipChange>();
        log.Changed += heard.Add;

        log.Record(Move(0, 105, 106));

        heard.Should().BeEmpty("a target records under its lock and announces once it has left it");
        log.Changes.Should().ContainSingle();
    }

    [Fact]
    public void A_listener_that_throws_neither_fails_the_announcement_nor_silences_the_others()
    {
        // Given a throwing listener subscribed before a recording one
        var log = new LeadershipChangeLog();
        var heard = new List<LeadershipChange>();
        log.Changed += _ => throw new InvalidOperationException("a broken report");
        log.Changed += heard.Add;
        log.Record(Move(0, 105, 106));
        log.Record(Move(1, 106, 108));

        // When
        var announce = log.Announce;

        // Then
        announce.Should().NotThrow();
        heard.Should().Equal(log.Changes);
    }

    [Fact]
    public void A_change_recorded_by_a_listener_is_announced_after_the_one_it_heard_exactly_once()
    {
        // Given a listener that makes the target record (and announce) another change while it is told of the first
        var log = new LeadershipChangeLog();
        var heard = new List<LeadershipChange>();
        log.Changed += change =>
        {
            heard.Add(change);
            if (change.Partition == 0)
            {
                log.Record(Move(1, 106, 108));
                log.Announce();
            }
        };
        log.Record(Move(0, 105, 106));

        // When
        log.Announce();

        // Then
        heard.Should().Equal(Move(0, 105, 106), Move(1, 106, 108));
        heard.Should().Equal(log.Changes);
    }

    [Fact]
    public async Task A_listener_runs_with_no_lock_of_the_log_held()
    {
        // Given a listener that reads the log from another thread and waits for it (under a lock of the log, it could not)
        var log = new LeadershipChangeLog();
        var readElsewhere = new List<bool>();
        log.Changed += _ => readElsewhere.Add(Task.Run(() => log.Changes.Count).Wait(TimeSpan.FromSeconds(5)));
        log.Record(Move(0, 105, 106));

        // When
        await Task.Run(log.Announce, TestContext.Current.CancellationToken).WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Then
        readElsewhere.Should().Equal(true);
    }

    [Fact]
    public async Task Changes_recorded_on_many_threads_are_each_announced_once_in_the_order_of_Changes()
    {
        // Given
        const int threads = 8, perThread = 500;
        var log = new LeadershipChangeLog();
        var heard = new List<LeadershipChange>();
        log.Changed += change =>
        {
            // Give the other threads the core between taking a change and hearing it: two announcers at once would
            // hear out of order here. Only one announcer at a time adds, so the list needs no lock: that is what this checks.
            Thread.Yield();
            heard.Add(change);
        };

        // When every thread records and announces at once
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                log.Record(new LeadershipChange(T0, $"t{t}", i, 105, 106, "race"));
                log.Announce();
            }
        }, TestContext.Current.CancellationToken))).WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        // Then
        log.Changes.Should().HaveCount(threads * perThread);
        heard.Should().Equal(log.Changes);
    }
}
