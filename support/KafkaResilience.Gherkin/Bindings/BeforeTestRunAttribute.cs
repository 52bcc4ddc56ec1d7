namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at BeforeTestRun. Must be static; it may take TestRunContext (and FeatureContext for feature hooks) as parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeTestRunAttribute(params string[] tags) : HookAttribute(HookKind.BeforeTestRun, tags);
