package main

import (
	"os"
	"testing"

	"github.com/errtable/errtable/spec"
)

// FuzzBuildSpec feeds arbitrary docs to the reader: each input gives an
// error or a valid spec, never a panic, and a valid spec survives its own
// round trip through the file format. Emission is FuzzEmit's job: keeping
// it out of this target keeps each input cheap (under a millisecond), so the
// fuzzer explores and minimizes rather than waits on go/format.
func FuzzBuildSpec(f *testing.F) {
	for _, path := range []string{"testdata/musicgpt-seed.txt", "testdata/musicgpt-source.md", "testdata/stub.md"} {
		data, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(header + "| 400 | Bad Request | a |\nprose\n"))
	f.Add([]byte("| a | b |\n|---|---|\n| 1 | 2 |"))
	f.Add([]byte(header + "| 400 | Bad | a |\n| 400 | Again | b |\n| 4O4 | c | d |\n"))
	f.Add([]byte(header + "| 429.5 | Half | a |\r| 200 | OK | b |\r"))
	f.Add([]byte("> > - 1. " + header + "| 400 | *Bad* | `a` [b](c) |\n\nA 400 tip.\n"))
	// String codes: a code table beside a status table, SDK Errors tables
	// with a catch-all, codes whose names clash with a status's.
	for _, page := range []string{"s-status-table-and-code-table", "s-sdk-errors-per-operation", "s-openai-status-code-solution", "s-codes-under-status-headings"} {
		data, err := os.ReadFile("testdata/pages/" + page + ".md")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte(header + "| 429 | Too Many Requests | a |\n\n| Code | Status |\n|---|---|\n| too_many_requests | 429 |\n| TOO_MANY_REQUESTS | 429 |\n| code | 400 |\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		sp, _, err := buildString(string(data), nil)
		if err != nil {
			return
		}
		if err := sp.Validate(); err != nil {
			t.Fatalf("buildSpec returned an invalid spec: %v", err)
		}
		out, err := sp.Marshal()
		if err != nil {
			t.Fatal(err)
		}
		back, err := spec.Parse("errors.json", out)
		if err != nil {
			t.Fatalf("the spec does not read back: %v\n%s", err, out)
		}
		if err := back.Validate(); err != nil {
			t.Fatalf("the spec read back is invalid: %v\n%s", err, out)
		}
		again, _ := back.Marshal()
		if string(again) != string(out) {
			t.Fatalf("the spec does not round-trip:\n%s\n%s", out, again)
		}
	})
}

// FuzzEmit feeds arbitrary specs to the emitter: every spec that validates
// yields Go that parses and type-checks, with no hidden runes and no init
// function, whatever its texts hold.
func FuzzEmit(f *testing.F) {
	f.Add(429, "TooManyRequests", "Too Many Requests", "Wait.", "A 429 tip", true, "acme")
	f.Add(400, "BadRequest", "x\n*/ func init() {} /*", "\u202Eevil", "`raw`", false, "x")
	f.Add(599, "Z", "\"quoted\\\"", "\x00", "//go:generate", false, "a.b-c")
	// Load the standard library's export data now: it takes seconds, and
	// the fuzzing engine takes a worker that is slow on its first input
	// for hung.
	warm, err := buildSpec(docs{path: "testdata/stub.md", src: mustRead(f, "testdata/stub.md"), source: "stub.md"}, nil, options{}, func(string) {})
	if err != nil {
		f.Fatal(err)
	}
	checkGenerated(f, warm)
	f.Fuzz(func(t *testing.T, code int, name, desc, remedy, tip string, retryable bool, prefix string) {
		sp := &spec.File{
			Prefix: prefix,
			Source: spec.Source{Path: desc},
			Errors: []spec.Entry{
				{Code: code, Name: name, Description: desc, Remedy: remedy, Tips: []string{tip}, Retryable: retryable, RetryableFrom: spec.FromOverride, Line: 1},
				{Code: 418, Name: "Teapot", Description: remedy, Remedy: desc, RetryableFrom: spec.FromRule, Line: 2},
			},
		}
		if sp.Validate() != nil {
			return
		}
		checkGenerated(t, sp)
	})
}

func mustRead(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
