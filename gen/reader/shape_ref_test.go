package reader

import (
	"strings"
	"testing"
)

// countMarksReference is how checkShape counted a line's markup
// characters before markBytes.
func countMarksReference(l []byte) int {
	marks := 0
	for _, b := range l {
		switch b {
		case '*', '_', '`', '[', ']', '<':
			marks++
		}
	}
	return marks
}

// checkMarkBytes compares markBytes' count with its reference on l.
func checkMarkBytes(t *testing.T, l []byte) {
	t.Helper()
	got := 0
	for _, b := range l {
		got += int(markBytes[b])
	}
	if want := countMarksReference(l); got != want {
		t.Errorf("marks of %q = %d, want %d", l, got, want)
	}
}

func TestMarkBytesMatchesReference(t *testing.T) {
	all := make([]byte, 256)
	for i := range all {
		all[i] = byte(i)
	}
	checkMarkBytes(t, all)
	for _, s := range append(fastPathInputs, "**a** _b_ `c` [d](e) <f> ***", strings.Repeat("[*", 100)) {
		checkMarkBytes(t, []byte(s))
	}
}

// FuzzMarkBytes compares markBytes' count with its reference.
func FuzzMarkBytes(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkMarkBytes(t, []byte(s))
	})
}
