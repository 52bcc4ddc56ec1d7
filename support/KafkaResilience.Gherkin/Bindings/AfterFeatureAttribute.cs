namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at AfterFeature. Must be static; it may take TestRunContext (and FeatureContext for feature hooks) as parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class AfterFeatureAttribute(params string[] tags) : HookAttribute(HookKind.AfterFeature, tags);
