package spec

import (
	"bytes"
	"os"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the spec parser: an error or a File,
// never a panic; a File that validates marshals and parses back to the same
// bytes.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("errors.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"errors": [{"code": 400}]}`))
	f.Add([]byte(`{"prefix": "a", "errors": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, err := Parse("fuzz.json", data)
		if err != nil || sp.Validate() != nil {
			return
		}
		out, err := sp.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("again.json", out)
		if err != nil {
			t.Fatalf("marshalled spec does not parse: %v\n%s", err, out)
		}
		again, _ := back.Marshal()
		if !bytes.Equal(out, again) {
			t.Fatalf("marshal is not stable:\n%s\n%s", out, again)
		}
	})
}
