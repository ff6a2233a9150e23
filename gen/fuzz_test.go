package main

import (
	"go/parser"
	"go/token"
	"os"
	"testing"
)

// FuzzBuildSpec feeds arbitrary docs to the reader: each input gives an
// error or a valid spec, never a panic, and a valid spec always renders to
// Go that parses.
func FuzzBuildSpec(f *testing.F) {
	for _, path := range []string{"../spec/musicgpt-error-codes.txt", "testdata/musicgpt-source.md", "testdata/stub.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(header + "| 400 | Bad Request | a |\nprose\n"))
	f.Add([]byte("| a | b |\n|---|---|\n| 1 | 2 |"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, _, err := buildString(string(data), nil)
		if err != nil {
			return
		}
		if err := sp.Validate(); err != nil {
			t.Fatalf("buildSpec returned an invalid spec: %v", err)
		}
		o, err := generate(sp, "errcodes")
		if err != nil {
			t.Fatalf("valid spec does not generate: %v", err)
		}
		for name, src := range o.files {
			if _, err := parser.ParseFile(token.NewFileSet(), name, src, parser.AllErrors); err != nil {
				t.Fatalf("%s does not parse: %v\n%s", name, err, src)
			}
		}
	})
}
