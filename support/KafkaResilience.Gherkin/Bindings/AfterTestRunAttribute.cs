namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at AfterTestRun. Must be static; it may take TestRunContext (and FeatureContext for feature hooks) as parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterTestRunAttribute(params string[] tags) : HookAttribute(HookKind.AfterTestRun, tags);
