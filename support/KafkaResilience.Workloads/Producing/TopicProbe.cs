using KafkaResilience.Cluster;
using KafkaResilience.Workloads.Native;

namespace KafkaResilience.Workloads.Producing;

/// <summary>
/// Asks a cluster about a topic before a workload starts, through a bare librdkafka client that is cheap to
/// make and free (the topic must exist; workloads never create topics, and asking never creates one).
/// </summary>
public static class TopicProbe
{
    /// <summary>Polls metadata until the topic shows its partitions, or throws after <paramref name="timeout"/> naming the topic.</summary>
    public static int PartitionCount(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, string topic, TimeSpan timeout)
    {
        var check = Ask(bootstrapServers, clientSettings, topic, timeout, untilReady: true);
        return check.State == TopicState.Ready
            ? check.Partitions
            : throw new TimeoutException($"Topic '{topic}' did not show its partitions within {timeout.TotalSeconds:0.#}s at {bootstrapServers} (last: {check.Detail}). Create it before starting workloads.");
    }

    /// <summary>
    /// The first decisive answer within <paramref name="timeout"/>: ready, or missing as soon as a broker says so;
    /// else (no broker answered, or the topic not ready) what was last seen when the time is up. Never throws for
    /// an answer; throws <see cref="ArgumentException"/> for settings librdkafka refuses.
    /// </summary>
    public static TopicCheck Check(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, string topic, TimeSpan timeout) =>
        Ask(bootstrapServers, clientSettings, topic, timeout, untilReady: false);

    private static TopicCheck Ask(string bootstrapServers, IReadOnlyDictionary<string, string> clientSettings, string topic, TimeSpan timeout, bool untilReady)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(bootstrapServers);
        ArgumentNullException.ThrowIfNull(clientSettings);
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        using var client = new NativeTopicClient(bootstrapServers, clientSettings, topic);
        var clock = TimeProvider.System;
        var started = clock.GetTimestamp();
        int RemainingMs() => (int)Math.Clamp((timeout - clock.GetElapsedTime(started)).TotalMilliseconds, 0, 5_000);
        var last = new TopicCheck(TopicState.NoAnswer, 0, "no answer");
        // Each attempt blocks in librdkafka for up to 5 s (or what is left); the count bounds only fast answers.
        for (var attempt = 0; attempt < 1_000 && RemainingMs() > 0; attempt++)
        {
            last = client.Ask(Math.Max(100, RemainingMs()), out _);
            if (last.State == TopicState.Ready || (last.State == TopicState.Missing && !untilReady)) return last;
            if (last.State != TopicState.NoAnswer && RemainingMs() > 0) Thread.Sleep(Math.Min(100, RemainingMs())); // a broker answered: ask again shortly
        }
        return last;
    }
}
