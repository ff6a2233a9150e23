package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// setCrashHook makes gen-crash (registered in TestMain) a gen to kill:
//
//   - it prints each step of replacing files on stdout ("step write" and
//     on), and "step prepared" once it finished any interrupted run;
//   - with $GEN_CRASH_PAUSE set, it then waits for a line on stdin, so a
//     test can look at what the recovery left before it goes on;
//   - it kills itself (SIGKILL: no deferred function runs) at step
//     $GEN_CRASH_AT of the write, counting "write" as 1, or at the step
//     named $GEN_CRASH_STEP ("temp 3", "journal", "rename 2"), or at step
//     $GEN_CRASH_RECOVERY_AT of finishing an interrupted run;
//   - its rename call number $GEN_CRASH_RENAME_FAIL, counting from the
//     write, fails, so that the run rolls back;
//   - it sleeps $GEN_CRASH_SLEEP at each step of the write, so that a
//     kill from outside lands anywhere in it;
//   - it syncs nothing to disk: a kill loses nothing the kernel has, and
//     the syncs of hundreds of runs take long on a busy disk.
func setCrashHook() {
	fsync = func(*os.File) error { return nil }
	recovery, n := 0, 0
	if failAt, _ := strconv.Atoi(os.Getenv("GEN_CRASH_RENAME_FAIL")); failAt > 0 {
		calls := 0
		rename = func(from, to string) error {
			if n == 0 { // finishing an interrupted run
				return os.Rename(from, to)
			}
			if calls++; calls == failAt {
				return errors.New("injected rename failure")
			}
			return os.Rename(from, to)
		}
	}
	atStep := os.Getenv("GEN_CRASH_STEP")
	at, _ := strconv.Atoi(os.Getenv("GEN_CRASH_AT"))
	recoveryAt, _ := strconv.Atoi(os.Getenv("GEN_CRASH_RECOVERY_AT"))
	sleep, _ := time.ParseDuration(os.Getenv("GEN_CRASH_SLEEP"))
	pause := os.Getenv("GEN_CRASH_PAUSE") != ""
	kill := func() {
		p, _ := os.FindProcess(os.Getpid())
		p.Kill()
		select {}
	}
	testHookStep = func(step string) {
		fmt.Fprintln(os.Stdout, "step", step)
		switch {
		case step == "prepared":
			if pause {
				bufio.NewReader(os.Stdin).ReadString('\n')
			}
		case step == "write" || n > 0:
			if n++; n == at || step == atStep {
				kill()
			}
			time.Sleep(sleep)
		default: // finishing an interrupted run
			if recovery++; recovery == recoveryAt {
				kill()
			}
		}
	}
}

// crashDocs are two versions of one docs page whose outputs (with -pkg
// pkgA and pkgB) differ in every file but one: the spec, the report and
// each package file but errcodestest/server.go. They list the same codes,
// so that either follows the other without deprecations, and the two
// generations alternate exactly.
var crashDocs = map[string]string{
	"A": "| Code | Description | What to Do | Retryable |\n|-|-|-|-|\n| 400 | Bad Request | Fix the request. | yes |\n| 404 | Not Found | Look. | no |\n| 429 | Too Many Requests | Wait. | yes |\n| 503 | Service Unavailable | Retry. | yes |\n",
	"B": "| Code | Description | What to Do | Retryable |\n|-|-|-|-|\n| 400 | Bad Request | Fix the body of the request. | no |\n| 404 | Not Found | Look again. | no |\n| 429 | Too Many Requests | Wait a minute. | yes |\n| 503 | Service Unavailable | Retry later. | yes |\n",
}

// crashArgs are the arguments of a run that writes version v.
func crashArgs(v string) []string {
	return []string{"-q", "-docs", "docs.md", "-spec", "spec/errors.json", "-out", "errcodes", "-pkg", "pkg" + v, "-allow-breaking", "-report", "report.md"}
}

// checkArgs are those of -check of version v: -check takes no -report.
func checkArgs(v string) []string {
	args := crashArgs(v)
	return append(args[:len(args)-2:len(args)-2], "-check")
}

// recoverArgs are those of a run that finishes an interrupted one and then
// fails, on the missing docs page.
var recoverArgs = []string{"-q", "-docs", "missing.md", "-spec", "spec/errors.json", "-out", "errcodes", "-report", "report.md"}

// TestCrashSafety kills gen (SIGKILL) at every step of replacing its files
// and at random moments of it, in both directions between two generations,
// and also kills some of the runs that finish an interrupted one. After
// each kill, -check (now and then) must change nothing, report the
// journal or the temporary files, and fail unless the disk holds the
// generation it checks; and the next run, once it has finished or cleaned
// up the interrupted one and before it writes, must find exactly one
// generation on disk, every file of it (spec, report, package) and nothing
// else: no temporary file, no journal. Two workers, each in its own
// directory, share the kills.
func TestCrashSafety(t *testing.T) {
	gen, err := exec.LookPath("gen-crash")
	if err != nil {
		t.Skip("gen-crash is not installed by TestMain:", err)
	}
	const workers = 2
	kills := 220
	if testing.Short() || os.Getenv(inRepoCopy) != "" {
		kills = 30 // the copy's run proves nothing new
	}
	var total crashStats
	var mu sync.Mutex
	start := time.Now()
	t.Run("workers", func(t *testing.T) {
		for w := range workers {
			t.Run(strconv.Itoa(w), func(t *testing.T) {
				t.Parallel()
				// The go.mod above the folder the runs write, not in it:
				// the test compares every file of that folder.
				root := t.TempDir()
				if err := os.WriteFile(filepath.Join(root, "go.mod"), []byte("module example.test/m\n"), 0o644); err != nil {
					t.Fatal(err)
				}
				dir := filepath.Join(root, "work")
				if err := os.Mkdir(dir, 0o755); err != nil {
					t.Fatal(err)
				}
				st := crashLoop(t, gen, dir, kills/workers, uint64(w))
				mu.Lock()
				defer mu.Unlock()
				total.add(st)
			})
		}
	})
	t.Logf("%d kills: %d left a journal, %d left temporary files only, %d came too late (the run had ended), %d killed a roll-back; %d recoveries killed too; %d sets checked, %d inconsistent, in %v",
		total.kills, total.journals, total.temps, total.completed, total.rollbacks, total.recoveryKills, total.checked, total.inconsistent, time.Since(start).Round(time.Millisecond))
	if total.kills < kills || total.inconsistent > 0 || total.checked < kills {
		t.Errorf("%d kills, %d sets checked, %d inconsistent", total.kills, total.checked, total.inconsistent)
	}
}

type crashStats struct {
	kills, completed, journals, temps, rollbacks, recoveryKills, checked, inconsistent int
}

func (s *crashStats) add(o crashStats) {
	s.kills += o.kills
	s.completed += o.completed
	s.rollbacks += o.rollbacks
	s.journals += o.journals
	s.temps += o.temps
	s.recoveryKills += o.recoveryKills
	s.checked += o.checked
	s.inconsistent += o.inconsistent
}

// crashLoop does TestCrashSafety's kills in dir.
func crashLoop(t *testing.T, gen, dir string, kills int, seed uint64) (st crashStats) {
	command := func(env []string, args ...string) *exec.Cmd {
		cmd := exec.Command(gen, args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), env...)
		return cmd
	}
	runGen := func(env []string, args ...string) (int, string) {
		t.Helper()
		cmd := command(env, args...)
		out, err := cmd.CombinedOutput()
		if err != nil && cmd.ProcessState == nil {
			t.Fatal(err)
		}
		return cmd.ProcessState.ExitCode(), string(out)
	}
	setDocs := func(v string) {
		if err := os.WriteFile(filepath.Join(dir, "docs.md"), []byte(crashDocs[v]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The reference generations: A, then B (reporting A to B), B again
	// (reporting no changes), then A (reporting B to A) and A again. A
	// generation's report is one of two: a run after the kill of one
	// that got its journal written writes the same generation again.
	ref := map[string]map[string]string{}
	reports := map[string][]string{}
	var steps int
	for _, v := range []string{"A", "B", "B", "A", "A"} {
		setDocs(v)
		code, out := runGen(nil, crashArgs(v)...)
		if code != 0 {
			t.Fatalf("generation %s: exit %d\n%s", v, code, out)
		}
		state := diskState(t, dir)
		if ref[v] == nil {
			ref[v] = state
		}
		reports[v] = append(reports[v], state["report.md"])
		steps = strings.Count(out, "step ") - 1 // less "prepared"
	}
	for name, data := range ref["A"] {
		if ref["B"][name] == data && name != "errcodes/errcodestest/server.go" {
			t.Fatalf("%s is the same in both generations; the test cannot tell them apart", name)
		}
	}
	if steps < len(ref["A"])*2+2 { // write, a temporary file and a rename each, the journal
		t.Fatalf("only %d steps", steps)
	}
	// is reports whether state holds generation v whole.
	is := func(state map[string]string, v string) bool {
		return maps.Equal(withoutReport(state), withoutReport(ref[v])) && slices.Contains(reports[v], state["report.md"])
	}
	current := "A"
	// consistent records whether the disk holds one generation whole.
	consistent := func(i int, when string) {
		st.checked++
		state := diskState(t, dir)
		switch {
		case is(state, "A"):
			current = "A"
		case is(state, "B"):
			current = "B"
		default:
			st.inconsistent++
			t.Errorf("kill %d: %s the disk holds neither generation: %s", i, when, describeState(state, ref))
		}
	}

	rng := rand.New(rand.NewPCG(seed, 2))
	for i := range kills {
		next := map[string]string{"A": "B", "B": "A"}[current]
		setDocs(next)
		env := []string{"GEN_CRASH_PAUSE=1", "GEN_CRASH_SLEEP=500us"}
		random := false
		switch {
		case i < steps: // every step
			env = append(env, "GEN_CRASH_AT="+strconv.Itoa(i+1))
		case i%10 == 0: // a rename fails, and the roll-back is killed
			failAt := 1 + rng.IntN(steps/2-1)
			env = append(env, "GEN_CRASH_RENAME_FAIL="+strconv.Itoa(failAt), "GEN_CRASH_AT="+strconv.Itoa(steps/2+failAt+rng.IntN(failAt+2)))
		default:
			random = true
		}
		cmd := command(env, crashArgs(next)...)
		stdin, err := cmd.StdinPipe()
		if err != nil {
			t.Fatal(err)
		}
		stdout, err := cmd.StdoutPipe()
		if err != nil {
			t.Fatal(err)
		}
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		sc := bufio.NewScanner(stdout)
		for sc.Scan() && sc.Text() != "step prepared" {
		}
		consistent(i, "after the run before was recovered,")
		io.WriteString(stdin, "\n")
		if random {
			for sc.Scan() && sc.Text() != "step write" {
			}
			// About 25 steps of half a millisecond and more follow.
			time.Sleep(time.Duration(rng.Int64N(int64(35 * time.Millisecond))))
			cmd.Process.Kill()
		}
		for sc.Scan() {
			if sc.Text() == "step rollback journal" {
				st.rollbacks++
			}
		}
		if cmd.Wait() == nil {
			st.completed++
		}
		st.kills++

		state := diskState(t, dir)
		hasJournal, hasTemp, hasPkgTemp := false, false, false
		for name := range state {
			hasJournal = hasJournal || strings.HasSuffix(name, journalSuffix)
			hasTemp = hasTemp || strings.Contains(name, tempInfix)
			// -check has no -report: it sees the temporary files of
			// what it checks.
			hasPkgTemp = hasPkgTemp || strings.Contains(name, tempInfix) && !strings.Contains(name, "report.md")
		}
		if hasJournal {
			st.journals++
		} else if hasTemp {
			st.temps++
		}

		// -check reports and changes nothing.
		if i%8 == 0 || hasJournal && i%8 == 1 {
			code, out := runGen(nil, checkArgs(next)...)
			if after := diskState(t, dir); !maps.Equal(state, after) {
				t.Fatalf("kill %d: -check changed the disk\n%s", i, out)
			}
			clean := maps.Equal(withoutReport(state), withoutReport(ref[next]))
			if clean != (code == 0) {
				t.Fatalf("kill %d: -check exited %d on a disk that is clean=%t\n%s", i, code, clean, out)
			}
			if hasJournal && !strings.Contains(out, "interrupted while replacing its files") {
				t.Fatalf("kill %d: -check does not report the journal\n%s", i, out)
			}
			if hasPkgTemp && !hasJournal && !strings.Contains(out, "is a temporary file an interrupted run left") {
				t.Fatalf("kill %d: -check does not report the temporary files\n%s", i, out)
			}
		}
		// Some recoveries are killed too, at a random step of theirs.
		if hasJournal && i%3 == 0 {
			st.recoveryKills++
			runGen([]string{"GEN_CRASH_RECOVERY_AT=" + strconv.Itoa(1+rng.IntN(4))}, recoverArgs...)
		}
	}
	// The last kill's recovery.
	code, out := runGen(nil, recoverArgs...)
	if code != exitInput || !strings.Contains(out, "docs page missing.md: no such file") {
		t.Fatalf("the last recovery exited %d\n%s", code, out)
	}
	consistent(kills, "after the last recovery")
	return st
}

// withoutReport is state without the report, which -check does not check.
func withoutReport(state map[string]string) map[string]string {
	out := maps.Clone(state)
	for name := range out {
		if strings.Contains(name, "report.md") {
			delete(out, name)
		}
	}
	return out
}

// diskState reads every file in dir but the docs page: what a run writes
// and may leave.
func diskState(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil || rel == "docs.md" {
			return err
		}
		data, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// describeState says, for each file, which generation it belongs to.
func describeState(state map[string]string, ref map[string]map[string]string) string {
	var b strings.Builder
	for _, name := range slices.Sorted(maps.Keys(state)) {
		which := "neither"
		for _, v := range []string{"A", "B"} {
			if ref[v][name] == state[name] {
				which = v
			}
		}
		fmt.Fprintf(&b, "\n  %s: %s", name, which)
	}
	for _, name := range slices.Sorted(maps.Keys(ref["A"])) {
		if _, ok := state[name]; !ok {
			fmt.Fprintf(&b, "\n  %s: missing", name)
		}
	}
	return b.String()
}
