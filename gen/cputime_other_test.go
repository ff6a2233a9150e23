//go:build !unix

package main

// cpuTime is 0 where getrusage is missing: the benchmarks' cpu-ns/op then
// reads 0, and their wall time is the measure.
func cpuTime() int64 { return 0 }
