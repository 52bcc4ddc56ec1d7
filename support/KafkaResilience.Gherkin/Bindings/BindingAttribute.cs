namespace KafkaResilience.Gherkin;

/// <summary>Marks a class whose methods are step definitions, hooks or argument transformations (as in Reqnroll).</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class BindingAttribute : Attribute;
