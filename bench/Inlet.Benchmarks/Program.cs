using BenchmarkDotNet.Running;
using Inlet.Benchmarks;

// Runs every benchmark of the engine; pass BenchmarkDotNet arguments (e.g. --filter *PointAdd*) to narrow.
BenchmarkRunner.Run<EngineBenchmarks>(args: args);
