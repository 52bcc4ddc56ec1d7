namespace KafkaResilience.Reporting.Allure;

/// <summary>
/// An Allure <c>{uuid}-container.json</c>: the hooks run around the results named in <see cref="Children"/>,
/// which the report shows as "Set up" and "Tear down".
/// </summary>
public sealed record AllureTestResultContainer(
    string Uuid,
    string Name,
    IReadOnlyList<string> Children,
    IReadOnlyList<AllureFixtureResult> Befores,
    IReadOnlyList<AllureFixtureResult> Afters,
    long Start,
    long Stop);
