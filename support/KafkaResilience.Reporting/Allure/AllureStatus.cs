namespace KafkaResilience.Reporting.Allure;

/// <summary>The status words of the Allure 2 format: what a test, step or fixture ended as.</summary>
public static class AllureStatus
{
    /// <summary>Ran and every check held.</summary>
    public const string Passed = "passed";

    /// <summary>A check (assertion or checker verdict) did not hold: a product defect.</summary>
    public const string Failed = "failed";

    /// <summary>Something other than a check went wrong (exception, undefined step): a suite defect.</summary>
    public const string Broken = "broken";

    /// <summary>Not run, with a reason.</summary>
    public const string Skipped = "skipped";

    /// <summary>The stage every written result is in: it has finished.</summary>
    public const string StageFinished = "finished";
}
