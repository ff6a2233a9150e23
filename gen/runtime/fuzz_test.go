package errcodes

import (
	"strconv"
	"testing"
)

// FuzzUnmarshalText: any text gives a code or an error, never a panic; a
// code that was read marshals back to text that reads the same code.
func FuzzUnmarshalText(f *testing.F) {
	for _, s := range []string{"TooManyRequests", "429", "418", "", "Code(418)", "-1", "99999999999999999999"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var c Code
		if err := c.UnmarshalText([]byte(s)); err != nil {
			if c != 0 {
				t.Fatalf("failed UnmarshalText(%q) changed the code to %v", s, c)
			}
			return
		}
		if s != c.String() && s != strconv.Itoa(int(c)) {
			t.Fatalf("UnmarshalText(%q) = %v", s, c)
		}
		text, _ := c.MarshalText()
		var back Code
		if err := back.UnmarshalText(text); err != nil || back != c {
			t.Fatalf("round trip of %v through %q gives %v, %v", c, text, back, err)
		}
	})
}
