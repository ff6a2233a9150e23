package spec

import (
	"bytes"
	"cmp"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// FuzzParse feeds arbitrary bytes to the spec parser: an error or a File,
// never a panic. Any File it accepts marshals and parses back to the same
// File (its entries sorted by code, as Marshal writes them), marshals to the
// same bytes again, and validates after the round trip if it did before.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("errors.json")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(`{"errors": [{"code": 400}]}`))
	f.Add([]byte(`{"prefix": "a", "errors": null}`))
	f.Add([]byte(specWith("", "")))
	f.Add([]byte(specWith(`"code"`, `    "aliases": ["Slow"], "tips": ["a", "b"], "removed": true, "line": 3,`)))
	// Duplicate keys, at each level.
	f.Add([]byte(`{"prefix":"a","prefix":"b"}`))
	f.Add([]byte(specWith(`"path"`, `    ,"path": "e.md"`)))
	f.Add([]byte(specWith(`"retryable_from"`, `    ,"retryable_from": "override"`)))
	f.Add([]byte(specWith(`"remedy"`, `    "r\u0065medy": "Panic.",`)))
	// Case variants and near misses.
	f.Add([]byte(replaceIn(`"prefix"`, `"PREFIX"`)))
	f.Add([]byte(replaceIn(`"retryable_from"`, `"Retryable_From"`)))
	f.Add([]byte(replaceIn(`"source"`, `"\u017fource"`)))
	f.Add([]byte(replaceIn(`"prefix"`, "\"pre\u200bfix\"")))
	// Deep nesting.
	f.Add([]byte(replaceIn(`"acme"`, strings.Repeat("[", 70)+strings.Repeat("]", 70))))
	f.Add([]byte(replaceIn(`"acme"`, strings.Repeat(`{"a":`, 70)+"1"+strings.Repeat("}", 70))))
	// Hidden runes, escaped and not, in values, keys and between tokens.
	f.Add([]byte(replaceIn(`"Wait."`, "\"Wait\u202e.tixe\"")))
	f.Add([]byte(replaceIn(`"Wait."`, `"Wait\u2066\u200b\ufeff\udb40\udc41\ud800"`)))
	f.Add([]byte(replaceIn(`"Too Many Requests"`, `"Too Many\nRequests\t\u0085"`)))
	f.Add([]byte("\ufeff" + specWith("", "")))
	f.Add([]byte(replaceIn(`"prefix": `, "\"prefix\":\u00a0")))
	// Numbers and nulls.
	f.Add([]byte(replaceIn(`429`, `4.29e2`)))
	f.Add([]byte(replaceIn(`429`, `99999999999999999999`)))
	f.Add([]byte(replaceIn(`429`, `-0`)))
	f.Add([]byte(replaceIn(`"acme"`, `null`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, err := Parse("fuzz.json", data)
		if err != nil {
			return
		}
		valid := sp.Validate() == nil
		out, err := sp.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := Parse("again.json", out)
		if err != nil {
			t.Fatalf("marshalled spec does not parse: %v\n%s", err, out)
		}
		want := exported(sp)
		slices.SortStableFunc(want.Errors, func(a, b Entry) int { return cmp.Compare(a.Code, b.Code) })
		if got := exported(back); !reflect.DeepEqual(got, want) {
			t.Fatalf("round trip changes the spec:\n%#v\n%#v", want, got)
		}
		if valid && back.Validate() != nil {
			t.Fatalf("round trip breaks validation: %v\n%s", back.Validate(), out)
		}
		again, _ := back.Marshal()
		if !bytes.Equal(out, again) {
			t.Fatalf("marshal is not stable:\n%s\n%s", out, again)
		}
	})
}

// exported returns a copy of f without its unexported fields.
func exported(f *File) File {
	return File{Schema: f.Schema, Prefix: f.Prefix, Source: f.Source, Errors: slices.Clone(f.Errors)}
}
