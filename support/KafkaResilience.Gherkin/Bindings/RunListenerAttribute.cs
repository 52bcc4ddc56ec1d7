namespace KafkaResilience.Gherkin;

/// <summary>
/// Registers an <see cref="Results.IRunListener"/> (public parameterless constructor) that the test host
/// creates once per run and tells about every scenario, e.g. the Allure writer.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class RunListenerAttribute(Type listenerType) : Attribute
{
    public Type ListenerType { get; } = listenerType;
}
