namespace KafkaResilience.Cluster.Admin;

/// <summary>
/// The leadership changes a target has recorded, in order, and the announcement of each one, exactly once and in the
/// same order, to <see cref="Changed"/> (the target's <see cref="IClusterAdmin.LeadershipChanged"/>). Recording is
/// cheap and may happen under the target's own lock; announcing happens in <see cref="Announce"/>, which the target
/// calls once it holds no lock, so a listener may call back into the target, or take a lock of its own, without a
/// deadlock. Thread-safe.
/// </summary>
public sealed class LeadershipChangeLog
{
    private readonly object _gate = new();
    private readonly List<LeadershipChange> _changes = [];
    private readonly Queue<LeadershipChange> _unannounced = new();
    private bool _announcing;

    /// <summary>Raised once per recorded change, in the order recorded; never while a lock of this log is held.</summary>
    public event Action<LeadershipChange>? Changed;

    /// <summary>Every change recorded so far, in the order recorded.</summary>
    public IReadOnlyList<LeadershipChange> Changes
    {
        get
        {
            lock (_gate)
                return _changes.ToArray();
        }
    }

    /// <summary>Adds a change to <see cref="Changes"/> and queues its announcement for the next <see cref="Announce"/>.</summary>
    public void Record(LeadershipChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_gate)
        {
            _changes.Add(change);
            _unannounced.Enqueue(change);
        }
    }

    /// <summary>
    /// Raises <see cref="Changed"/> for every change not yet announced, oldest first. Call it with no lock held. When
    /// another thread is announcing already, it returns at once and that thread announces these changes too: one
    /// announcer at a time keeps listeners seeing the changes in the order of <see cref="Changes"/>.
    /// </summary>
    public void Announce()
    {
        lock (_gate)
        {
            if (_announcing)
                return;
            _announcing = true;
        }
        // Ends once a pass finds nothing new: each change is dequeued once, and new ones come only from the target's work.
        while (true)
        {
            LeadershipChange? next;
            lock (_gate)
            {
                if (!_unannounced.TryDequeue(out next))
                {
                    _announcing = false;
                    return;
                }
            }
            Raise(next);
        }
    }

    private void Raise(LeadershipChange change)
    {
        if (Changed is not { } changed)
            return;
        foreach (var listener in changed.GetInvocationList().Cast<Action<LeadershipChange>>())
        {
            try
            {
                listener(change);
            }
            catch (Exception)
            {
                // A listener (a report, a history) must not fail the kill or the poll that found the change, nor keep the
                // other listeners from hearing of it: the change stays in Changes for anyone who reads it later.
            }
        }
    }
}
