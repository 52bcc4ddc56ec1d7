namespace KafkaResilience.Reporting.Allure;

/// <summary>Why a test or step has its status: the message categories match on, and the trace.</summary>
public sealed record AllureStatusDetails(string? Message, string? Trace)
{
    public bool Known { get; init; }

    public bool Muted { get; init; }

    public bool Flaky { get; init; }
}
