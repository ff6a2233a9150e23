package spec

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

// valid returns a small valid spec to break in tests.
func valid() *File {
	return &File{
		Prefix: "acme",
		Source: Source{Path: "docs.md"},
		Errors: []Entry{
			{Code: 429, Name: "TooManyRequests", Description: "Too Many Requests", Remedy: "Wait.", Retryable: true, RetryableFrom: FromRule, Line: 4},
			{Code: 400, Name: "BadRequest", Description: "Bad Request", Remedy: "Fix it.", RetryableFrom: FromRule, Line: 3},
		},
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *File)
		want   string
	}{
		{"valid", func(f *File) {}, ""},
		{"bad prefix", func(f *File) { f.Prefix = "Acme Corp" }, `docs.md: prefix "Acme Corp" is not a lower-case word`},
		{"no source path", func(f *File) { f.Source.Path = "" }, "source path is empty"},
		{"url", func(f *File) { f.Source.URL = "https://docs.example.com/errors.md" }, ""},
		{"url scheme", func(f *File) { f.Source.URL = "ftp://x/errors.md" }, `source url "ftp://x/errors.md" is not an http or https URL`},
		{"url credentials", func(f *File) { f.Source.URL = "https://u:p@x/errors.md" }, "holds credentials"},
		{"url control", func(f *File) { f.Source.URL = "https://x/a\u202eb" }, "docs.md: source url holds U+202E, a bidirectional control"},
		{"url non-ASCII", func(f *File) { f.Source.URL = "https://x/a\u00e9b" }, "holds spaces, control or non-ASCII"},
		{"etag control", func(f *File) { f.Source.ETag = "\"a\nb\"" }, "source etag"},
		{"long last-modified", func(f *File) { f.Source.LastModified = strings.Repeat("x", 300) }, "source last_modified"},
		{"aliases", func(f *File) { f.Errors[0].Aliases = []string{"RateLimited", "Throttled"} }, ""},
		{"bad alias", func(f *File) { f.Errors[0].Aliases = []string{"rate"} }, `alias "rate" of code 429`},
		{"alias clash", func(f *File) { f.Errors[0].Aliases = []string{"BadRequest"} }, "code 400 declares BadRequest, which code 429"},
		{"alias repeats name", func(f *File) { f.Errors[0].Aliases = []string{"TooManyRequests"} }, "code 429 declares TooManyRequests twice"},
		{"removed", func(f *File) { f.Errors[0].Removed, f.Errors[0].Line = true, 0 }, ""},
		{"removed entry named", func(f *File) { f.Errors[0].Removed, f.Errors[0].Line, f.Errors[0].Description = true, 0, "" }, "docs.md (code 429): code 429 has an empty description"},
		{"no errors", func(f *File) { f.Errors = nil }, "no error codes"},
		{"code too low", func(f *File) { f.Errors[0].Code = 99 }, "docs.md:4: code 99 is outside 100-599"},
		{"code too high", func(f *File) { f.Errors[0].Code = 600 }, "docs.md:4: code 600 is outside 100-599"},
		{"duplicate code", func(f *File) { f.Errors[1].Code = 429 }, "docs.md:3: code 429 is documented twice (first at docs.md:4)"},
		{"lower-case name", func(f *File) { f.Errors[0].Name = "tooMany" }, `name "tooMany" of code 429 is not an exported ASCII Go identifier`},
		{"non-ASCII name", func(f *File) { f.Errors[0].Name = "Café" }, `name "Café" of code 429`},
		{"reserved name", func(f *File) { f.Errors[0].Name = "Codes" }, `name "Codes" of code 429`},
		{"name clash", func(f *File) { f.Errors[1].Name = "TooManyRequests" }, "docs.md:3: code 400 declares TooManyRequests, which code 429 (docs.md:4) declares too"},
		{"sentinel clash", func(f *File) { f.Errors[1].Name = "ErrTooManyRequests" }, "code 400 declares ErrTooManyRequests, which code 429 (docs.md:4) declares too"},
		{"empty description", func(f *File) { f.Errors[0].Description = "" }, "code 429 has an empty description"},
		{"empty remedy is allowed", func(f *File) { f.Errors[0].Remedy = "" }, ""},
		{"invalid UTF-8", func(f *File) { f.Errors[0].Tips = []string{"\xff"} }, "docs.md:4: tip 1 of code 429 is not valid UTF-8"},
		{"rule disagrees", func(f *File) { f.Errors[1].Retryable = true }, `code 400 says retryable true from the rule, but the rule says false; set retryable_from to "override"`},
		{"override may disagree", func(f *File) { f.Errors[1].Retryable, f.Errors[1].RetryableFrom = true, FromOverride }, ""},
		{"docs may disagree", func(f *File) { f.Errors[0].Retryable, f.Errors[0].RetryableFrom = false, FromDocs }, ""},
		{"unknown source", func(f *File) { f.Errors[0].RetryableFrom = "guess" }, `retryable_from "guess" is not "rule", "docs" or "override"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := valid()
			tt.mutate(f)
			err := f.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("error %v\nwant one containing %q", err, tt.want)
			}
		})
	}
}

func TestValidateNamesSpecLines(t *testing.T) {
	data := []byte(`{
  "prefix": "acme",
  "source": {"path": "d.md", "sha256": "` + strings.Repeat("0", 64) + `"},
  "errors": [
    {"code": 400, "name": "BadRequest", "description": "Bad", "remedy": "Fix.", "retryable": false, "retryable_from": "rule", "line": 3},
    {
      "code": 400, "name": "Again", "description": "Again", "remedy": "x", "retryable": false, "retryable_from": "rule", "line": 4
    }
  ]
}`)
	f, err := Parse("errors.json", data)
	if err != nil {
		t.Fatal(err)
	}
	err = f.Validate()
	if err == nil || !strings.Contains(err.Error(), "errors.json:6: code 400 is documented twice (first at errors.json:5)") {
		t.Errorf("Validate() = %v", err)
	}
}

// TestParseLegacy reads a spec written by an earlier generator, with the
// docs' sha256 and each entry's docs line, which are read and dropped.
func TestParseLegacy(t *testing.T) {
	data := []byte(`{
  "prefix": "acme",
  "source": {"path": "d.md", "sha256": "` + strings.Repeat("0", 64) + `"},
  "errors": [
    {"code": 400, "name": "BadRequest", "description": "Bad", "remedy": "Fix.", "retryable": false, "retryable_from": "rule", "line": 3}
  ]
}`)
	f, err := Parse("errors.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("sha256")) || bytes.Contains(out, []byte(`"line"`)) {
		t.Errorf("legacy fields written back:\n%s", out)
	}
	if f.Errors[0].Name != "BadRequest" || f.Source.Path != "d.md" {
		t.Errorf("legacy spec read as %+v", f)
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, data, want string
	}{
		{"syntax", "{\n  \"prefix\": \"a\",\n  oops\n}", "f.json:3: invalid character 'o'"},
		{"unknown field", "{\n  \"prefix\": \"a\",\n  \"errors\": [{\n    \"code\": 400,\n    \"retryabel\": true\n  }]\n}", `f.json:5: key "retryabel" is not a spec field; did you mean "retryable"?`},
		{"wrong type", "{\n  \"errors\": [\n    {\"name\": 400}\n  ]\n}", `f.json:3: "name" is a number, not a string`},
		{"code as string", "{\n  \"errors\": [\n    {\"code\": \"400\"}\n  ]\n}", `f.json:3: "code" is a string, not a whole number`},
		{"trailing data", "{\"prefix\": \"a\"}\n{}", "f.json:2: unexpected data after the spec object"},
		{"empty", "", "f.json:1: the spec is empty"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("f.json", []byte(tt.data))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Parse error %v\nwant one containing %q", err, tt.want)
			}
		})
	}
}

func TestMarshalIsDeterministicAndSorted(t *testing.T) {
	f := valid()
	a, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	if f.Errors[0].Code != 429 {
		t.Error("Marshal reordered the caller's entries")
	}
	f.Errors[0], f.Errors[1] = f.Errors[1], f.Errors[0]
	b, _ := f.Marshal()
	if !bytes.Equal(a, b) {
		t.Error("entry order changes the output")
	}
	if !bytes.HasSuffix(a, []byte("}\n")) || !bytes.Contains(a, []byte("\n  \"errors\": [\n    {\n      \"code\": 400,")) {
		t.Errorf("unexpected layout:\n%s", a)
	}
	g, err := Parse("x", a)
	if err != nil {
		t.Fatal(err)
	}
	c, _ := g.Marshal()
	if !bytes.Equal(a, c) {
		t.Error("Parse then Marshal does not round-trip")
	}
	f.Errors[0].Remedy = "<a> & b"
	d, _ := f.Marshal()
	if !bytes.Contains(d, []byte(`"<a> & b"`)) {
		t.Errorf("HTML characters escaped: %s", d)
	}
}

func TestNameFor(t *testing.T) {
	tests := []struct {
		desc, want string
		ok         bool
	}{
		{"Rate Limit Exceeded", "RateLimitExceeded", true},
		{"Bad Request", "BadRequest", true},
		{"Invalid api key id", "InvalidAPIKeyID", true},
		{"HTTP Version Not Supported", "HTTPVersionNotSupported", true},
		{"Request-URI Too Long", "RequestURITooLong", true},
		{"I'm a teapot", "ImATeapot", true},
		{"Don’t retry", "DontRetry", true},
		{"PAYMENT REQUIRED", "PaymentRequired", true},
		{"Non-Authoritative Information", "NonAuthoritativeInformation", true},
		{"  spaced   out  ", "SpacedOut", true},
		{"Json parse error", "JSONParseError", true},
		{"iOS only", "IOSOnly", true},
		{"Error 42 happened", "Error42Happened", true},
		{"4xx", "4xx", false},
		{"", "", false},
		{"日本語", "", false},
		{"Error", "Error", false},
		{"Code", "Code", false},
	}
	for _, tt := range tests {
		got, ok := NameFor(tt.desc)
		if got != tt.want || ok != tt.ok {
			t.Errorf("NameFor(%q) = %q, %t; want %q, %t", tt.desc, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultRetryable(t *testing.T) {
	var got []int
	for c := 100; c <= 599; c++ {
		if DefaultRetryable(c) {
			got = append(got, c)
		}
	}
	want := []int{408, 425, 429, 500, 502, 503, 504, 520, 521, 522, 523, 524, 529}
	if !slices.Equal(got, want) {
		t.Fatalf("default rule retries %v, want %v", got, want)
	}
	codes := DefaultRetryableCodes()
	codes[0] = 1
	if DefaultRetryableCodes()[0] != 408 {
		t.Error("DefaultRetryableCodes shares its slice")
	}
}

// TestCommittedSpec checks the committed spec against the JSON Schema and
// against Validate.
func TestCommittedSpec(t *testing.T) {
	data, err := os.ReadFile("errors.json")
	if err != nil {
		t.Fatal(err)
	}
	f, err := Parse("errors.json", data)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	sch := compileSchema(t)
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(doc); err != nil {
		t.Errorf("errors.json does not match %s: %v", SchemaFile, err)
	}
}

// TestSchemaRejects checks that the schema is not vacuous: it must reject
// what Validate rejects.
func TestSchemaRejects(t *testing.T) {
	sch := compileSchema(t)
	good, _ := valid().Marshal()
	for name, edit := range map[string]func(m map[string]any){
		"code out of range": func(m map[string]any) { entry(m)["code"] = 600 },
		"bad name":          func(m map[string]any) { entry(m)["name"] = "lower" },
		"unknown field":     func(m map[string]any) { entry(m)["retryabel"] = true },
		"bad source":        func(m map[string]any) { entry(m)["retryable_from"] = "guess" },
		"empty description": func(m map[string]any) { entry(m)["description"] = "" },
		"no errors":         func(m map[string]any) { m["errors"] = []any{} },
		"bad url":           func(m map[string]any) { m["source"].(map[string]any)["url"] = "ftp://x" },
		"bad alias":         func(m map[string]any) { entry(m)["aliases"] = []any{"lower"} },
		"bad removed":       func(m map[string]any) { entry(m)["removed"] = "yes" },
		"bidi in remedy":    func(m map[string]any) { entry(m)["remedy"] = "Wait\u202e." },
		"tag in tip":        func(m map[string]any) { entry(m)["tips"] = []any{"a\U000E0041"} },
		"newline":           func(m map[string]any) { entry(m)["description"] = "Bad\nRequest" },
		"zero-width path":   func(m map[string]any) { m["source"].(map[string]any)["path"] = "d\u200b.md" },
		"long description":  func(m map[string]any) { entry(m)["description"] = strings.Repeat("x", MaxDescriptionLen+1) },
		"long remedy":       func(m map[string]any) { entry(m)["remedy"] = strings.Repeat("x", MaxRemedyLen+1) },
		"long tip":          func(m map[string]any) { entry(m)["tips"] = []any{strings.Repeat("x", MaxTipLen+1)} },
		"too many tips": func(m map[string]any) {
			entry(m)["tips"] = slices.Repeat([]any{"t"}, MaxTips+1)
		},
		"too many aliases": func(m map[string]any) {
			entry(m)["aliases"] = slices.Repeat([]any{"A"}, MaxAliases+1)
		},
		"bad string code": func(m map[string]any) {
			m["codes"] = []any{map[string]any{"code": "a b", "name": "AB", "description": "x", "remedy": "", "retryable": false, "retryable_from": "rule"}}
		},
		"string code with a tip": func(m map[string]any) {
			m["codes"] = []any{map[string]any{"code": "ab", "name": "AB", "description": "x", "remedy": "", "retryable": false, "retryable_from": "rule", "tips": []any{}}}
		},
		"string code retry source": func(m map[string]any) {
			m["codes"] = []any{map[string]any{"code": "ab", "name": "AB", "description": "x", "remedy": "", "retryable": false, "retryable_from": "guess"}}
		},
		"too many entries": func(m map[string]any) {
			m["errors"] = slices.Repeat(m["errors"].([]any)[:1], MaxEntries+1)
		},
	} {
		var doc map[string]any
		json.Unmarshal(good, &doc)
		if err := sch.Validate(doc); err != nil {
			t.Fatalf("valid spec rejected: %v", err)
		}
		edit(doc)
		if err := sch.Validate(doc); err == nil {
			t.Errorf("%s: schema accepts it", name)
		}
	}
}

func entry(m map[string]any) map[string]any {
	return m["errors"].([]any)[0].(map[string]any)
}

func compileSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	sch, err := c.Compile(SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	return sch
}

// TestSchemaAcceptsCaps checks that the schema's bounds are the caps, not
// tighter: a spec at every cap matches it.
func TestSchemaAcceptsCaps(t *testing.T) {
	f := valid()
	e := &f.Errors[0]
	e.Description = strings.Repeat("x", MaxDescriptionLen)
	e.Remedy = strings.Repeat("x", MaxRemedyLen)
	e.Tips = slices.Repeat([]string{strings.Repeat("x", MaxTipLen)}, MaxTips)
	for i := range MaxAliases {
		e.Aliases = append(e.Aliases, fmt.Sprintf("A%d", i))
	}
	for c := 100; len(f.Errors) < MaxEntries; c++ {
		if _, ok := f.Lookup(c); !ok {
			f.Errors = append(f.Errors, Entry{Code: c, Name: fmt.Sprintf("C%d", c), Description: "d", RetryableFrom: FromDocs})
		}
	}
	f.Errors[1].Remedy = "Wait 🚀 ❤️ cafÃ© naïve\u00a0now"
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
	data, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if err := compileSchema(t).Validate(doc); err != nil {
		t.Errorf("a spec at the caps does not match %s: %v", SchemaFile, err)
	}
	if _, err := Parse("errors.json", data); err != nil {
		t.Errorf("a spec at the caps does not parse: %v", err)
	}
}
