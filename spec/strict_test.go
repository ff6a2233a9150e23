package spec

import (
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// specWith returns a valid spec file, one key a line, with extra spliced in
// after the line that holds at (which must occur once), so that tests can
// name the line of the change. The entry starts on line 6; its code is on
// line 7.
func specWith(at, extra string) string {
	s := `{
  "prefix": "acme",
  "source": {
    "path": "d.md"
  },
  "errors": [{
    "code": 429,
    "name": "TooManyRequests",
    "description": "Too Many Requests",
    "remedy": "Wait.",
    "retryable": true,
    "retryable_from": "rule"
  }]
}`
	if at == "" {
		return s
	}
	if strings.Count(s, at) != 1 {
		panic("specWith: " + at)
	}
	i := strings.Index(s, at) + len(at)
	i += strings.IndexByte(s[i:], '\n') + 1
	return s[:i] + extra + "\n" + s[i:]
}

// replaceIn returns the valid spec of specWith with old (once) replaced.
func replaceIn(old, new string) string {
	s := specWith("", "")
	if strings.Count(s, old) != 1 {
		panic("replaceIn: " + old)
	}
	return strings.Replace(s, old, new, 1)
}

func TestSpecWithIsValid(t *testing.T) {
	f, err := Parse("errors.json", []byte(specWith("", "")))
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Validate(); err != nil {
		t.Fatal(err)
	}
}

func TestParseStrict(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	entries := func(n int) string {
		var b strings.Builder
		for i := range n {
			if i > 0 {
				b.WriteString(",\n")
			}
			fmt.Fprintf(&b, `{"code": %d}`, 100+i)
		}
		return b.String()
	}
	items := func(n int) string { return `["` + strings.Repeat(`A", "`, n-1) + `A"]` }
	tests := []struct {
		name, data, want string // want "" means Parse accepts data
	}{
		{"valid", specWith("", ""), ""},
		{"legacy keys", specWith(`"path"`, `    ,"sha256": "00"`), ""},
		{"legacy line", specWith(`"code"`, `    "line": 12,`), ""},
		{"escaped key", replaceIn(`"prefix"`, `"pr\u0065fix"`), ""},
		{"removed override", specWith(`"retryable_from"`, `    ,"removed": true`), ""},

		// Duplicate keys, at every level.
		{"duplicate on one line", `{"prefix":"a","prefix":"b"}`, `f.json:1: key "prefix" appears twice in this object (first on line 1); JSON readers disagree on which one counts: delete one`},
		{"duplicate prefix", specWith(`"prefix"`, `  "prefix": "evil",`), `f.json:3: key "prefix" appears twice in this object (first on line 2)`},
		{"duplicate in source", specWith(`"path"`, `    ,"path": "e.md"`), `f.json:5: key "path" appears twice in this object (first on line 4)`},
		{"duplicate legacy key", specWith(`"path"`, `    ,"sha256": "00", "sha256": "11"`), `f.json:5: key "sha256" appears twice`},
		{"duplicate in entry", specWith(`"retryable_from"`, `    ,"retryable_from": "override"`), `f.json:13: key "retryable_from" appears twice in this object (first on line 12)`},
		{"duplicate by escape", specWith(`"remedy"`, `    "r\u0065medy": "Panic.",`), `f.json:11: key "remedy" appears twice`},
		{"duplicate errors", specWith(`"prefix"`, `  "errors": [],`), `f.json:7: key "errors" appears twice in this object (first on line 3)`},

		// Keys that are not exactly a field.
		{"upper-case key", replaceIn(`"prefix"`, `"PREFIX"`), `f.json:2: key "PREFIX" is not a spec field; did you mean "prefix"? keys are case-sensitive`},
		{"case variant in entry", replaceIn(`"retryable_from"`, `"Retryable_From"`), `f.json:12: key "Retryable_From" is not a spec field; did you mean "retryable_from"? keys are case-sensitive`},
		{"case variant in source", replaceIn(`"path"`, `"Path"`), `f.json:4: key "Path" is not a spec field; did you mean "path"? keys are case-sensitive`},
		{"case variant of a legacy key", specWith(`"path"`, `    ,"SHA256": "00"`), `f.json:5: key "SHA256" is not a spec field; did you mean "sha256"?`},
		{"case variant beside the key", specWith(`"prefix"`, `  "Prefix": "evil",`), `f.json:3: key "Prefix" is not a spec field; did you mean "prefix"? keys are case-sensitive`},
		{"long s", replaceIn(`"source"`, `"\u017fource"`), `f.json:3: key "ſource" is not a spec field; did you mean "source"? keys are case-sensitive`},
		{"hidden rune in key", replaceIn(`"prefix"`, "\"pre\u200bfix\""), `f.json:2: key "pre\u200bfix" is not a spec field; did you mean "prefix"? the key holds hidden, control or space characters`},
		{"misspelt key", replaceIn(`"retryable"`, `"retryabel"`), `f.json:11: key "retryabel" is not a spec field; did you mean "retryable"?`},
		{"key of another object", specWith(`"prefix"`, `  "code": 429,`), `f.json:3: key "code" is not a spec field; "code" belongs in an entry of "errors"`},
		{"misspelt key of another object", specWith(`"prefix"`, `  "retryabel": true,`), `f.json:3: key "retryabel" is not a spec field; did you mean "retryable"? it belongs in an entry of "errors"`},
		{"unknown key", specWith(`"prefix"`, `  "owner": "me",`), `f.json:3: key "owner" is not a spec field; the keys of the spec are $schema, prefix, source, code_field, errors, codes: rename or delete it`},
		{"long unknown key", replaceIn(`"prefix"`, `"`+strings.Repeat("x", 1000)+`"`), `key "` + strings.Repeat("x", 64) + `..." is not a spec field`},

		// Structure.
		{"array", `[]`, `f.json:1: the spec is an array, not a JSON object`},
		{"string", `"prefix"`, `f.json:1: the spec is a string, not a JSON object`},
		{"number", "\n 1", `f.json:2: the spec is a number, not a JSON object`},
		{"null", `null`, `f.json:1: the spec is null, not a JSON object`},
		{"empty", " \n", `f.json:2: the spec is empty`},
		{"cut short", "{\n  \"prefix\": \"a\",", `f.json:2: the spec ends before its closing brackets`},
		{"trailing object", specWith("", "") + "\n{}", `f.json:15: unexpected data after the spec object`},
		{"byte-order mark", "\ufeff" + specWith("", ""), `f.json:1: the file starts with a byte-order mark (U+FEFF)`},
		{"not UTF-8", replaceIn(`"Wait."`, "\"Wait\xff\""), `f.json:10: byte 0xff is not UTF-8; save the file as UTF-8`},
		{"hidden rune between tokens", replaceIn(`"prefix": `, "\"prefix\":\u2060"), `f.json:2: invalid character U+2060 looking for beginning of value`},

		// Types, checked at the first token, so that nothing nests deeper
		// than a spec does.
		{"array for a string", replaceIn(`"acme"`, deep(70)), `f.json:2: "prefix" is an array, not a string`},
		{"very deep", replaceIn(`"acme"`, strings.Repeat("[", 1<<20)), `f.json:2: "prefix" is an array, not a string`},
		{"deep objects", replaceIn(`"acme"`, strings.Repeat(`{"a":`, 100)+"1"+strings.Repeat("}", 100)), `f.json:2: "prefix" is an object, not a string`},
		{"deep in an entry", specWith(`"code"`, `    "tips": [`+deep(70)+`],`), `f.json:8: item 1 of "tips" is an array, not a string`},
		{"deep entry", replaceIn(`"errors": [{`, `"errors": [`+deep(70)+`, {`), `f.json:6: entry 1 of "errors" is an array, not an object`},
		{"huge wrong value", replaceIn(`"acme"`, "["+strings.Repeat(`{"a":1},`, 1<<20)+"1]"), `f.json:2: "prefix" is an array, not a string`},
		{"source array", replaceIn("\"source\": {\n    \"path\": \"d.md\"\n  }", `"source": []`), `f.json:3: "source" is an array, not an object`},
		{"errors object", replaceIn(`"errors": [{`, `"errors": {"x": [{`), `f.json:6: "errors" is an object, not an array of entries`},
		{"name number", replaceIn(`"TooManyRequests"`, `7`), `f.json:8: "name" is a number, not a string`},
		{"retryable string", replaceIn(`"retryable": true`, `"retryable": "true"`), `f.json:11: "retryable" is a string, not true or false`},
		{"removed number", specWith(`"code"`, `    "removed": 1,`), `f.json:8: "removed" is a number, not true or false`},
		{"tips string", specWith(`"code"`, `    "tips": "a",`), `f.json:8: "tips" is a string, not an array of strings`},
		{"alias number", specWith(`"code"`, `    "aliases": ["A",`+"\n"+`      2],`), `f.json:9: item 2 of "aliases" is a number, not a string`},

		// Nulls.
		{"null errors", replaceIn(`"errors": [{`, "\"errors\": null, \"x\": [{"), `f.json:6: "errors" is null; regenerate the spec with gen, or write its entries`},
		{"null source", replaceIn("\"source\": {\n    \"path\": \"d.md\"\n  }", `"source": null`), `f.json:3: "source" is null, which the spec never holds; give it an object`},
		{"null entry", replaceIn(`"errors": [{`, "\"errors\": [\n    null, {"), `f.json:7: entry 1 of "errors" is null; delete it`},
		{"null prefix", replaceIn(`"acme"`, `null`), `f.json:2: "prefix" is null, which the spec never holds; give it a string or delete the key`},
		{"null retryable", replaceIn(`"retryable": true`, `"retryable": null`), `f.json:11: "retryable" is null`},
		{"null tips", specWith(`"code"`, `    "tips": null,`), `f.json:8: "tips" is null`},
		{"null tip", specWith(`"code"`, `    "tips": ["a",`+"\n"+` null],`), `f.json:9: item 2 of "tips" is null; delete it`},
		{"null legacy line", specWith(`"code"`, `    "line": null,`), `f.json:8: "line" is null`},

		// Numbers.
		{"code 429.0", replaceIn(`429`, `429.0`), `f.json:7: "code" is 429.0, not a whole number in digits; write digits only, like 429`},
		{"code 4.29e2", replaceIn(`429`, `4.29e2`), `f.json:7: "code" is 4.29e2, not a whole number in digits`},
		{"code 429e0", replaceIn(`429`, `429e0`), `f.json:7: "code" is 429e0, not a whole number in digits`},
		{"code 4E2", replaceIn(`429`, `4E2`), `f.json:7: "code" is 4E2, not a whole number in digits`},
		{"huge code", replaceIn(`429`, `1e999`), `f.json:7: "code" is 1e999, not a whole number`},
		{"code beyond int", replaceIn(`429`, `99999999999999999999`), `f.json:7: "code" is 99999999999999999999, which is out of range`},
		{"code below int", replaceIn(`429`, `-9223372036854775809`), `f.json:7: "code" is -9223372036854775809, which is out of range`},
		{"code as string", replaceIn(`429`, `"429"`), `f.json:7: "code" is a string, not a whole number`},
		{"code as array", replaceIn(`429`, `[429]`), `f.json:7: "code" is an array, not a whole number`},
		{"legacy line fraction", specWith(`"code"`, `    "line": 3.5,`), `f.json:8: "line" is 3.5, not a whole number`},
		{"legacy sha256 number", specWith(`"path"`, `    ,"sha256": 0`), `f.json:5: "sha256" is a number, not a string; or delete it: gen no longer writes it`},

		// Counts.
		{"too many entries", replaceIn(`"errors": [{`, `"errors": [`+entries(MaxEntries+1)+`, {`), fmt.Sprintf(`f.json:%d: "errors" holds more than %d entries`, 6+MaxEntries, MaxEntries)},
		{"max entries", replaceIn(`"errors": [{`, `"errors": [`+entries(MaxEntries-1)+`, {`), ""},
		{"too many tips", specWith(`"code"`, `    "tips": `+items(MaxTips+1)+`,`), fmt.Sprintf(`f.json:8: "tips" holds more than %d items`, MaxTips)},
		{"max tips", specWith(`"code"`, `    "tips": `+items(MaxTips)+`,`), ""},
		{"too many aliases", specWith(`"code"`, `    "aliases": `+items(MaxAliases+1)+`,`), fmt.Sprintf(`f.json:8: "aliases" holds more than %d items`, MaxAliases)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, err := Parse("f.json", []byte(tt.data))
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Parse error %v\nwant one containing %q", err, tt.want)
			}
			if d := time.Since(start); d > time.Minute { // a quadratic step takes far longer; generous for loaded machines
				t.Errorf("Parse took %v", d)
			}
		})
	}
}

// TestParseNormalizes checks what Parse makes of forms that mean the same.
func TestParseNormalizes(t *testing.T) {
	f, err := Parse("f.json", []byte(specWith(`"code"`, `    "aliases": [], "tips": [], "line": 3,`)))
	if err != nil {
		t.Fatal(err)
	}
	if e := f.Errors[0]; e.Aliases != nil || e.Tips != nil || e.Line != 0 {
		t.Errorf("entry read as %+v", e)
	}
	f, err = Parse("f.json", []byte(`{"prefix": "a"}`))
	if err != nil {
		t.Fatal(err)
	}
	if f.Errors == nil {
		t.Error("missing errors read as nil, which marshals as null")
	}
	if out, _ := (&File{}).Marshal(); !strings.Contains(string(out), `"errors": []`) {
		t.Errorf("a spec without entries marshals as\n%s", out)
	}
}

// TestSpecKeys checks that the keys Parse takes are the JSON names of the
// structs it decodes into.
func TestSpecKeys(t *testing.T) {
	names := func(v any) []string {
		var out []string
		typ := reflect.TypeOf(v)
		for i := range typ.NumField() {
			name, _, _ := strings.Cut(typ.Field(i).Tag.Get("json"), ",")
			if name != "" && name != "-" {
				out = append(out, name)
			}
		}
		return out
	}
	for kind, v := range map[objKind]any{objTop: File{}, objSource: Source{}, objEntry: Entry{}} {
		if got := names(v); !slices.Equal(got, specKeys[kind]) {
			t.Errorf("%s: keys %q, fields %q", objName[kind], specKeys[kind], got)
		}
	}
	wire := reflect.TypeOf(fileWire{})
	src, _ := wire.FieldByName("Source")
	errs, _ := wire.FieldByName("Errors")
	for kind, typ := range map[objKind]reflect.Type{objSource: src.Type, objEntry: errs.Type.Elem()} {
		var legacy []string
		for i := range typ.NumField() {
			if name := typ.Field(i).Tag.Get("json"); name != "" {
				legacy = append(legacy, name)
			}
		}
		if !slices.Equal(legacy, legacyKeys[kind]) {
			t.Errorf("%s: legacy keys %q, fileWire has %q", objName[kind], legacyKeys[kind], legacy)
		}
	}
}

// TestValidateText checks the hidden-rune, control-character and length
// rules on every text field, with the line of the field in a spec file.
func TestValidateText(t *testing.T) {
	tests := []struct {
		name, data, want string // want "" means it validates
	}{
		{"emoji and mojibake", replaceIn(`"Wait."`, `"Wait 🚀 ❤️ â€™ cafÃ©. 日本語, naïve, ½"`), ""},
		{"no-break space", replaceIn(`"Wait."`, "\"Wait\u00a0now.\""), ""},
		{"bidi in remedy", replaceIn(`"Wait."`, "\"Wait\u202e.tixe\""), `f.json:10: remedy of code 429 holds U+202E, a bidirectional control, which reorders the text reviewers see; run gen again, which strips such characters from the docs' text, or edit the text`},
		{"escaped bidi", replaceIn(`"Wait."`, `"Wait\u2067."`), `f.json:10: remedy of code 429 holds U+2067, a bidirectional control`},
		{"count", replaceIn(`"Wait."`, "\"\u200bW\u200ba\u200bit\""), `f.json:10: remedy of code 429 holds U+200B, a zero-width character (and 2 more such characters)`},
		{"newline in description", replaceIn(`"Too Many Requests"`, `"Too Many\nRequests"`), `f.json:9: description of code 429 holds U+000A, a line break; spec text is one line`},
		{"tab in tip", specWith(`"code"`, `    "tips": ["a", "b",`+"\n"+`"c\td"],`), `f.json:9: tip 3 of code 429 holds U+0009, a tab`},
		{"tag in name", replaceIn(`"TooManyRequests"`, `"TooManyRequests\udb40\udc41"`), `f.json:8: name of code 429 holds U+E0041, an invisible tag character`},
		{"zero-width in alias", specWith(`"code"`, `    "aliases": ["Slow",`+"\n"+`"Rate\u200dLimited"],`), `f.json:9: alias 2 of code 429 holds U+200D, a zero-width character`},
		{"filler in prefix", replaceIn(`"acme"`, "\"ac\u3164me\""), `f.json:2: prefix holds U+3164, an invisible character`},
		{"BOM in path", replaceIn(`"d.md"`, "\"\ufeffd.md\""), `f.json:4: source path holds U+FEFF, a zero-width character`},
		{"bidi in url", specWith(`"path"`, "    ,\"url\": \"https://x/\u2066a\""), `f.json:5: source url holds U+2066`},
		{"control in etag", specWith(`"path"`, `    ,"etag": "\u0007"`), `f.json:5: source etag holds U+0007, a control character`},
		{"C1 in last_modified", specWith(`"path"`, `    ,"last_modified": "\u0085"`), `f.json:5: source last_modified holds U+0085, a line break`},
		{"replacement character", replaceIn(`"Wait."`, `"Wait\ufffd"`), `f.json:10: remedy of code 429 holds U+FFFD, the replacement character`},
		{"lone surrogate", replaceIn(`"Wait."`, `"Wait\ud800"`), `f.json:10: remedy of code 429 holds U+FFFD`},
		{"schema", replaceIn(`"prefix": "acme",`, `"$schema": "errors.schema.json`+"\u200f"+`", "prefix": "acme",`), `f.json:2: "$schema" holds U+200F`},
		{"long description", replaceIn(`"Too Many Requests"`, `"`+strings.Repeat("é", MaxDescriptionLen/2)+`."`), fmt.Sprintf(`f.json:9: description of code 429 is %d bytes, more than %d; shorten it`, MaxDescriptionLen+1, MaxDescriptionLen)},
		{"max description", replaceIn(`"Too Many Requests"`, `"`+strings.Repeat("é", MaxDescriptionLen/2)+`"`), ""},
		{"long remedy", replaceIn(`"Wait."`, `"`+strings.Repeat("x", MaxRemedyLen+1)+`"`), fmt.Sprintf(`f.json:10: remedy of code 429 is %d bytes, more than %d`, MaxRemedyLen+1, MaxRemedyLen)},
		{"long tip", specWith(`"code"`, `    "tips": ["`+strings.Repeat("x", MaxTipLen+1)+`"],`), fmt.Sprintf(`f.json:8: tip 1 of code 429 is %d bytes, more than %d`, MaxTipLen+1, MaxTipLen)},
		{"max tip", specWith(`"code"`, `    "tips": ["`+strings.Repeat("x", MaxTipLen)+`"],`), ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Parse("f.json", []byte(tt.data))
			if err != nil {
				t.Fatal(err)
			}
			err = f.Validate()
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("unexpected error: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("Validate error %v\nwant one containing %q", err, tt.want)
			}
		})
	}
}

// TestValidateHiddenRunes checks every kind of rune the spec may not hold,
// in a spec built in memory, whose messages name the docs line.
func TestValidateHiddenRunes(t *testing.T) {
	for _, r := range []rune{
		0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069, 0x200E, 0x200F, 0x061C,
		0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
		0xE0000, 0xE0001, 0xE0020, 0xE007F,
		0x00AD, 0x2061, 0x180E, 0xFFF9, 0x1D173,
		0x3164, 0x115F, 0x1160, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5, 0x180B,
		0xFE00, 0xE0100,
		0xFFFD,
		0x00, 0x09, 0x0A, 0x0D, 0x1B, 0x7F, 0x80, 0x85, 0x9F, 0x2028, 0x2029,
	} {
		f := valid()
		f.SetDocsPath("docs.md")
		f.Errors[0].Description = "Too " + string(r) + "Many"
		want := fmt.Sprintf("docs.md:4: description of code 429 holds %U, ", r)
		if err := f.Validate(); err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%U: Validate() = %v\nwant an error containing %q", r, err, want)
		}
		if !badRune(r) {
			t.Errorf("badRune(%U) = false", r)
		}
		if c := CleanText("a" + string(r) + "b"); c != "ab" && c != "a b" {
			t.Errorf("CleanText keeps %U: %q", r, c)
		}
	}
	for _, r := range []rune{' ', 'a', 0xA0, 0xE9, 0x3000, 0xFE0F, 0xFE0E, 0x1F680, 0x2019, 0x0301, 0xFFFC} {
		if badRune(r) {
			t.Errorf("badRune(%U) = true", r)
		}
	}
}

func TestHiddenRune(t *testing.T) {
	for r, want := range map[rune]bool{
		'a': false, '\n': false, 0x7F: false, 0x85: false, 0xA0: false, 0x2028: false,
		0x202E: true, 0x200B: true, 0xFEFF: true, 0xE0041: true, 0xE0000: true, 0x3164: true, 0xFFFD: true,
		0xFE0F: false, 0x1F600: false, 0x00E9: false,
	} {
		if got := HiddenRune(r); got != want {
			t.Errorf("HiddenRune(%U) = %t, want %t", r, got, want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Rate Limit Exceeded", "Rate Limit Exceeded"},
		{"  Rate\tLimit \n\n Exceeded  ", "Rate Limit Exceeded"},
		{"Rate\u202eLimit", "RateLimit"},
		{"Rate \u200b Limit", "Rate Limit"},
		{"\ufeffBad Request", "Bad Request"},
		{"Bad\x00Request\x7f", "Bad Request"},
		{"Bad\u2028Request\u0085", "Bad Request"},
		{"Bad\u00a0Request", "Bad Request"},
		{"Too Many\U000E0041\U000E007F Requests", "Too Many Requests"},
		{"Wait \xff\xfe now", "Wait now"},
		{"caf\xc3", "caf"},
		{"\u3164\u115f", ""},
		{"🚀 ❤️ cafÃ© naïve", "🚀 ❤️ cafÃ© naïve"},
		{"👨\u200d👩\u200d👧", "👨👩👧"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	for _, s := range []string{"a b", " \u202e\t\n x\u200by ", "\xff\ufffd", "👨\u200d👩", "\U000E0041"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c := CleanText(s)
		if !utf8.ValidString(c) || textProblem(c) != "" {
			t.Fatalf("CleanText(%q) = %q: %s", s, c, textProblem(c))
		}
		if strings.HasPrefix(c, " ") || strings.HasSuffix(c, " ") || strings.Contains(c, "  ") {
			t.Fatalf("CleanText(%q) = %q: spaces not collapsed", s, c)
		}
		if again := CleanText(c); again != c {
			t.Fatalf("CleanText not idempotent: %q, then %q", c, again)
		}
	})
}

func TestValidateCaps(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(f *File)
		want   string
	}{
		{"too many entries", func(f *File) {
			f.Errors = nil
			for i := range MaxEntries + 1 {
				f.Errors = append(f.Errors, Entry{Code: 100 + i, Name: fmt.Sprintf("C%d", i), Description: "d", RetryableFrom: FromDocs, Line: 10 + i})
			}
		}, fmt.Sprintf("docs.md:%d: the spec has %d entries, more than %d", 10+MaxEntries, MaxEntries+1, MaxEntries)},
		{"too many tips", func(f *File) { f.Errors[0].Tips = slices.Repeat([]string{"t"}, MaxTips+1) }, fmt.Sprintf("docs.md:4: code 429 has %d tips, more than %d", MaxTips+1, MaxTips)},
		{"max tips", func(f *File) { f.Errors[0].Tips = slices.Repeat([]string{"t"}, MaxTips) }, ""},
		{"too many aliases", func(f *File) {
			for i := range MaxAliases + 1 {
				f.Errors[0].Aliases = append(f.Errors[0].Aliases, fmt.Sprintf("A%d", i))
			}
		}, fmt.Sprintf("docs.md:4: code 429 has %d aliases, more than %d", MaxAliases+1, MaxAliases)},
		{"long description", func(f *File) { f.Errors[0].Description = strings.Repeat("x", MaxDescriptionLen+1) }, "docs.md:4: description of code 429 is 501 bytes"},
		{"long remedy", func(f *File) { f.Errors[0].Remedy = strings.Repeat("x", MaxRemedyLen+1) }, "docs.md:4: remedy of code 429 is 4097 bytes"},
		{"long tip", func(f *File) { f.Errors[0].Tips = []string{"a", strings.Repeat("x", MaxTipLen+1)} }, "docs.md:4: tip 2 of code 429 is 2049 bytes"},
		{"removed override", func(f *File) {
			f.Errors[1].Removed, f.Errors[1].Line = true, 0
			f.Errors[1].Retryable, f.Errors[1].RetryableFrom = true, FromOverride
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := valid()
			f.SetDocsPath("docs.md")
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

// TestRemovedOverrideRoundTrips checks that a removed entry keeps its retry
// override through Marshal, Parse and Validate.
func TestRemovedOverrideRoundTrips(t *testing.T) {
	f := valid()
	f.Errors[1].Removed, f.Errors[1].Line = true, 0
	f.Errors[1].Retryable, f.Errors[1].RetryableFrom = true, FromOverride
	out, err := f.Marshal()
	if err != nil {
		t.Fatal(err)
	}
	g, err := Parse("errors.json", out)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Validate(); err != nil {
		t.Fatal(err)
	}
	e, _ := g.Lookup(400)
	if !e.Removed || !e.Retryable || e.RetryableFrom != FromOverride {
		t.Errorf("removed override read back as %+v", e)
	}
}

// TestSchemaTextPattern checks that the schema's pattern for text rejects
// exactly the runes Validate rejects.
func TestSchemaTextPattern(t *testing.T) {
	data, err := os.ReadFile(SchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	var sch struct {
		Defs struct {
			Line struct {
				Pattern string `json:"pattern"`
			} `json:"line"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(data, &sch); err != nil {
		t.Fatal(err)
	}
	if want := "^[^" + badRuneClass() + "]*$"; sch.Defs.Line.Pattern != want {
		t.Errorf("%s: $defs.line.pattern does not match badRune; in JSON it is\n%s", SchemaFile, asciiJSON(want))
	}
	re := regexp.MustCompile(sch.Defs.Line.Pattern)
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if utf8.ValidRune(r) && re.MatchString(string(r)) == badRune(r) {
			t.Fatalf("the schema and badRune disagree on %U", r)
		}
	}
	if strings.ContainsFunc(string(data), HiddenRune) {
		t.Errorf("%s holds a rune it forbids", SchemaFile)
	}
}

// badRuneClass returns the ranges of runes badRune rejects, as the body of a
// regular-expression character class.
func badRuneClass() string {
	var b strings.Builder
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !badRune(r) || !utf8.ValidRune(r) {
			continue
		}
		lo := r
		for r < utf8.MaxRune && badRune(r+1) && utf8.ValidRune(r+1) {
			r++
		}
		b.WriteRune(lo)
		if r > lo {
			b.WriteByte('-')
			b.WriteRune(r)
		}
	}
	return b.String()
}

// asciiJSON returns s as a JSON string in ASCII, escaping every other rune.
func asciiJSON(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r > 0xFFFF:
			r -= 0x10000
			fmt.Fprintf(&b, `\u%04x\u%04x`, 0xD800+(r>>10), 0xDC00+(r&0x3FF))
		case r < ' ' || r > '~':
			fmt.Fprintf(&b, `\u%04x`, r)
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
