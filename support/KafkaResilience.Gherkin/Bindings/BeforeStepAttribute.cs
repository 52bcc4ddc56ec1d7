namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at BeforeStep. May be an instance method of a binding; its parameters are injected like constructor parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeStepAttribute(params string[] tags) : HookAttribute(HookKind.BeforeStep, tags);
