namespace KafkaResilience.Gherkin;

/// <summary>Runs the method at BeforeFeature. Must be static; it may take TestRunContext (and FeatureContext for feature hooks) as parameters.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BeforeFeatureAttribute(params string[] tags) : HookAttribute(HookKind.BeforeFeature, tags);
