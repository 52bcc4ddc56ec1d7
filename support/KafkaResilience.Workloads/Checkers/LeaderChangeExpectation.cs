namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// What a scenario expects of partition leadership on a topic: that the partitions led by
/// <see cref="LostBroker"/> got a new leader (among <see cref="AllowedNewLeaders"/> when given),
/// and, when <see cref="MustNotMoveBack"/>, that leadership never returned to it afterwards; or, when
/// <see cref="NoChange"/>, that no partition of the topic changed leader at all.
/// </summary>
public sealed record LeaderChangeExpectation(string Topic, int? LostBroker = null, IReadOnlyList<int>? AllowedNewLeaders = null, bool MustNotMoveBack = false, bool NoChange = false);
