using KafkaResilience.Cluster;

namespace KafkaResilience.Workloads.Native;

/// <summary>One metadata request for one topic through a client's handle (<c>rd_kafka_metadata</c>), read into a <see cref="TopicCheck"/>.</summary>
internal static unsafe class NativeMetadata
{
    private const int UnknownTopicOrPartition = 3;

    /// <summary>Asks once, waiting up to <paramref name="timeoutMs"/>; <paramref name="partitions"/> holds the partition ids when the topic is ready.</summary>
    public static TopicCheck Ask(RdKafka rd, IntPtr rk, IntPtr rkt, int timeoutMs, out int[] partitions)
    {
        partitions = [];
        RdKafkaMetadata* metadata = null;
        var err = rd.Metadata(rk, 0, rkt, &metadata, Math.Max(1, timeoutMs));
        if (err != 0) return new TopicCheck(TopicState.NoAnswer, 0, rd.ErrorText(err));
        try
        {
            if (metadata->TopicCount < 1) return new TopicCheck(TopicState.Missing, 0, "topic not in metadata");
            var topic = (RdKafkaMetadataTopic*)metadata->Topics;
            if (topic->Err == UnknownTopicOrPartition) return new TopicCheck(TopicState.Missing, 0, rd.ErrorText(topic->Err));
            if (topic->Err != 0) return new TopicCheck(TopicState.NotReady, 0, rd.ErrorText(topic->Err));
            if (topic->PartitionCount < 1) return new TopicCheck(TopicState.NotReady, 0, "no partitions");
            var ids = new int[topic->PartitionCount];
            var all = (RdKafkaMetadataPartition*)topic->Partitions;
            for (var i = 0; i < ids.Length; i++)
            {
                if (all[i].Leader < 0) return new TopicCheck(TopicState.NotReady, 0, $"partition {all[i].Id} has no leader");
                ids[i] = all[i].Id;
            }
            partitions = ids;
            return new TopicCheck(TopicState.Ready, ids.Length, "ready");
        }
        finally
        {
            rd.MetadataDestroy(metadata);
        }
    }
}
