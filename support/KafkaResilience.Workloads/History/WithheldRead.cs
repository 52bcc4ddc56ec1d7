namespace KafkaResilience.Workloads.History;

/// <summary>
/// A read the scenario meant to make and did not: group <paramref name="Group"/> would have read
/// <paramref name="TopicReference"/> at <paramref name="Step"/>, which was skipped or failed before it read
/// (<paramref name="Reason"/>). A check that needs that read is then not judged, with this reason, never called lost.
/// </summary>
public sealed record WithheldRead(string Group, string TopicReference, string Step, string Reason);
