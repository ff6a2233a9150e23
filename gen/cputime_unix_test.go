//go:build unix

package main

import "syscall"

// cpuTime returns the CPU time the process has used, user and system, in
// nanoseconds: on a machine shared with other work, the CPU time of an op
// (its GC workers included) is steadier than its wall time.
func cpuTime() int64 {
	var u syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &u); err != nil {
		return 0
	}
	return u.Utime.Nano() + u.Stime.Nano()
}
