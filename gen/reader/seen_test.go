package reader

import (
	"fmt"
	"slices"
	"testing"
)

// describeSeenReference is how chooseTables described the tables it did
// not take before describeSeen: as it met each one.
func describeSeenReference(seen []seenTable) []string {
	var out []string
	for _, s := range seen {
		out = append(out, fmt.Sprintf("line %d: %s (%s)", s.t.line, quotedCells(s.t.header), s.why))
	}
	if len(out) > maxFaults {
		out = append(out[:maxFaults], fmt.Sprintf("and %d more", len(out)-maxFaults))
	}
	return out
}

func TestDescribeSeenMatchesReference(t *testing.T) {
	var seen []seenTable
	for n := range maxFaults + 4 {
		if got, want := describeSeen(seen), describeSeenReference(seen); !slices.Equal(got, want) {
			t.Errorf("describeSeen of %d tables = %q, want %q", n, got, want)
		}
		seen = append(seen, seenTable{&table{line: n + 1, header: []string{"Name", fmt.Sprint(n), `"q"`}}, "no column of HTTP statuses"})
	}
}
