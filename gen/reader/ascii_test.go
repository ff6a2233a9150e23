package reader

import (
	"testing"
	"unicode/utf8"
)

// indexNonASCIIReference is indexNonASCII a byte at a time.
func indexNonASCIIReference(b []byte) int {
	for i, c := range b {
		if c >= utf8.RuneSelf {
			return i
		}
	}
	return -1
}

func TestIndexNonASCIIMatchesReference(t *testing.T) {
	for _, s := range fastPathInputs {
		for i := range len(s) + 1 {
			// Every suffix, so the byte past ASCII sits at every offset of
			// the eight-byte words.
			if got, want := indexNonASCII([]byte(s[i:])), indexNonASCIIReference([]byte(s[i:])); got != want {
				t.Errorf("indexNonASCII(%q) = %d, want %d", s[i:], got, want)
			}
		}
	}
}

// FuzzIndexNonASCII compares indexNonASCII with its reference.
func FuzzIndexNonASCII(f *testing.F) {
	for _, s := range fastPathInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexNonASCII([]byte(s)), indexNonASCIIReference([]byte(s)); got != want {
			t.Errorf("indexNonASCII(%q) = %d, want %d", s, got, want)
		}
	})
}
