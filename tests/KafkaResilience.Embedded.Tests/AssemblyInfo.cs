using Xunit.Sdk;
using Xunit.v3;

// Integration tests here check process-wide facts (Library.HandleCount, threads, listening ports)
// after each test, which only holds when no other test has clients open at the same time.
[assembly: Parallelization(Mode = ParallelMode.None)]
