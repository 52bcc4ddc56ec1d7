namespace KafkaResilience.Chaos.Vocabulary;

/// <summary>
/// A number of records as a product owner writes it ("5,000"): a type of its own, so that the step vocabulary's
/// <c>{records}</c> never takes the place of Reqnroll's <c>{long}</c> (a transformation to long would apply to every long).
/// </summary>
public sealed record RecordCount(long Value);
