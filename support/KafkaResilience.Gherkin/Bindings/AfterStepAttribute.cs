namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at AfterStep. May be an instance method of a binding; its parameters are injected like constructor parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterStepAttribute(params string[] tags) : HookAttribute(HookKind.AfterStep, tags);
