using System.Reflection;
using KafkaResilience.Reqnroll.Catalog;

namespace KafkaResilience.Reqnroll.Running;

/// <summary>
/// How one step of a row binds (see <see cref="StepMatcher"/>): the step definition's method and the step's typed
/// arguments, or why it does not bind (no definition, several, a value that cannot be read). Arguments are null when
/// they were not converted or could not be.
/// </summary>
public sealed record BoundStep(int Index, ScenarioStep Step, MethodInfo? Method, IReadOnlyList<object?>? Arguments, string? Problem);
