package reader

import (
	"errors"
	"fmt"
	"slices"
)

// maxFaults bounds the problems one run reports: enough to fix a page in
// one go, not a wall of text for a file that is no error page at all.
const maxFaults = 20

// faults collects the problems found in a page, so that a run reports them
// all at once, in line order, as a compiler does, rather than only the
// first one it happened to meet.
type faults []lineFault

// lineFault is one problem, at a line of the docs.
type lineFault struct {
	line int
	err  error
}

// add records a problem found at line.
func (fs *faults) add(line int, err error) {
	*fs = append(*fs, lineFault{line, err})
}

// err returns every problem, in line order, joined; nil when there is none.
// Past maxFaults it says how many more there are.
func (fs faults) err() error {
	if len(fs) == 0 {
		return nil
	}
	sorted := slices.Clone(fs)
	slices.SortStableFunc(sorted, func(a, b lineFault) int { return a.line - b.line })
	var errs []error
	for i, f := range sorted {
		if i == maxFaults {
			errs = append(errs, fmt.Errorf("... and %d more problems like these", len(sorted)-maxFaults))
			break
		}
		errs = append(errs, f.err)
	}
	if len(errs) == 1 {
		return errs[0]
	}
	return errors.Join(errs...)
}
