using KafkaResilience.Workloads.History;

namespace KafkaResilience.Workloads.Checkers;

/// <summary>
/// Exactly once through a consume-transform-produce processor: every input record acknowledged on the input topic
/// has exactly one output that the group reading the output topic read. Two or more outputs for one input offset is
/// the duplicate Kafka Streams' exactly-once exists to prevent (a restart that reprocessed inputs whose outputs had
/// committed, an aborted output read, a zombie's commit); none is a lost input (never processed, when the processor's
/// own group did not read it, or processed and its output never read). Outputs are tied to inputs by what the
/// processor recorded when it wrote them.
/// </summary>
public sealed class DuplicateOutputChecker : IChecker
{
    public const string CheckerName = "exactly-once-output";
    private readonly string _inputTopic;
    private readonly string _outputGroup;
    private readonly string? _processorGroup;
    private readonly int _exampleLimit;

    /// <param name="inputTopic">The topic the processor reads.</param>
    /// <param name="outputGroup">The group reading the processor's output topic (read_committed, for exactly once).</param>
    /// <param name="processorGroup">The processor's own group, to tell inputs it never read from outputs never read; null to not tell them apart.</param>
    /// <param name="exampleLimit">How many offending inputs to keep as evidence.</param>
    public DuplicateOutputChecker(string inputTopic, string outputGroup, string? processorGroup = null, int exampleLimit = 10)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(inputTopic);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputGroup);
        _inputTopic = inputTopic;
        _outputGroup = outputGroup;
        _processorGroup = processorGroup;
        _exampleLimit = exampleLimit;
    }

    public string Name => CheckerName;

    public Verdict Check(HistorySnapshot history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var transactions = history.Transactions;
        var groups = _processorGroup is null ? new[] { _outputGroup } : [_outputGroup, _processorGroup];
        var (readers, missing) = TransactionReaders.Resolve(transactions, groups, null);
        if (missing is not null) return Verdict.Unknown(Name, missing);
        var output = readers[0];
        var links = new Dictionary<(int, long), TransformLink>();
        foreach (var link in transactions.Transforms) links.TryAdd((link.OutputProducer, link.OutputSequence), link);

        // Per input (topic, partition, offset), the distinct outputs the output group read, and where.
        var outputs = new Dictionary<(int Topic, int Partition, long Offset), List<TransactionalRead>>();
        long outputRead = 0, unlinked = 0;
        foreach (var r in transactions.ReadsBy(output))
        {
            outputRead++;
            if (!links.TryGetValue((r.Producer, r.Sequence), out var link)) { unlinked++; continue; }
            var key = (link.InputTopic, link.InputPartition, link.InputOffset);
            if (!outputs.TryGetValue(key, out var seen)) outputs[key] = seen = [];
            if (!seen.Any(s => s.Producer == r.Producer && s.Sequence == r.Sequence)) seen.Add(r);
        }
        var processed = new HashSet<(int, int, long)>();
        if (readers.Count > 1)
            foreach (var r in transactions.ReadsBy(readers[1])) processed.Add((r.Topic, r.Partition, r.Offset));

        var inputTopics = history.Partitions.Where(p => transactions.TopicName(p.Topic) == _inputTopic).ToList();
        long inputs = 0, once = 0, duplicated = 0, neverProcessed = 0, notWritten = 0;
        var examples = new List<string>();
        foreach (var (topic, partition) in inputTopics.OrderBy(p => p.Partition))
        {
            foreach (var offset in history.AckedOffsets(topic, partition))
            {
                inputs++;
                var written = outputs.GetValueOrDefault((topic, partition, offset));
                var count = written?.Count ?? 0;
                if (count == 1) { once++; continue; }
                if (count > 1)
                {
                    duplicated++;
                    if (examples.Count < _exampleLimit)
                        examples.Add($"{transactions.Where(topic, partition, offset)} written {count} times to {string.Join(", ", written!.Select(w => transactions.TopicName(w.Topic)).Distinct())}: " +
                                     string.Join(", ", written!.Select(w => $"p{w.Producer}#{w.Sequence} at {transactions.Where(w.Topic, w.Partition, w.Offset)}" +
                                         (transactions.TransactionOf(w.Producer, w.Sequence) is { } t ? $" ({t.Label})" : ""))));
                    continue;
                }
                var never = readers.Count > 1 && !processed.Contains((topic, partition, offset));
                if (never) neverProcessed++; else notWritten++;
                if (examples.Count < _exampleLimit)
                    examples.Add($"{transactions.Where(topic, partition, offset)} " + (never ? "never read by the processor" : $"has no output read by group \"{_outputGroup}\""));
            }
        }
        var numbers = new Dictionary<string, double>
        {
            ["inputs"] = inputs,
            ["written-once"] = once,
            ["written-more-than-once"] = duplicated,
            ["never-processed"] = neverProcessed,
            ["output-not-read"] = notWritten,
            ["outputs-read"] = outputRead,
            ["outputs-without-input"] = unlinked,
        };
        var detail = $"{inputs:N0} inputs acknowledged on \"{_inputTopic}\": {once:N0} written exactly once, {duplicated:N0} more than once, " +
                     (readers.Count > 1 ? $"{neverProcessed:N0} never processed, " : "") + $"{notWritten:N0} without an output read by group \"{_outputGroup}\"";
        if (duplicated + neverProcessed + notWritten > 0) return Verdict.Invalid(Name, $"{detail}; first: {examples[0]}", numbers, examples);
        if (inputs == 0) return Verdict.Unknown(Name, $"no input was acknowledged on \"{_inputTopic}\": exactly-once cannot be judged", numbers);
        return Verdict.Valid(Name, detail, numbers);
    }
}
