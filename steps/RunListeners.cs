using KafkaResilience.Gherkin;
using KafkaResilience.Reporting;

// The report of every run: Allure 2 results under allure-results/ and a Markdown summary beside them.
[assembly: RunListener(typeof(AllureResultsWriter))]
[assembly: RunListener(typeof(MarkdownSummaryWriter))]
