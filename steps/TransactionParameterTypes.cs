using KafkaResilience.Chaos.Vocabulary;
using Reqnroll;
using KafkaResilience.Workloads.History;

namespace KafkaResilience.Steps;

/// <summary>The parameter types of the transaction steps; each reads its value through <see cref="TransactionValues"/>.</summary>
[Binding]
public static class TransactionParameterTypes
{
    /// <summary>{isolation}: "read_committed" or "read_uncommitted".</summary>
    [StepArgumentTransformation("(" + TransactionValues.IsolationPattern + ")", Name = "isolation")]
    public static ReadIsolation Isolation(string text) => TransactionValues.Isolation(text);

    /// <summary>{records}: "5,000" or "5000".</summary>
    [StepArgumentTransformation("(" + TransactionValues.CountPattern + ")", Name = "records")]
    public static RecordCount Records(string text) => new(TransactionValues.Count(text, "record count"));
}
