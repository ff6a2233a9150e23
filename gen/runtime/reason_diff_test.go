package errcodes

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math/rand"
	"strings"
	"testing"
)

// The reason differential tests hold reasonIn, and the reason FromResponse
// finds in its one scan, to oldReasonIn, which decodes with encoding/json:
// on every body and code field, both give the same Reason.

// diffFields are the code fields the differential tests look along: the
// stub's, none, one key, deeper paths, paths through arrays and odd keys.
var diffFields = []string{reasonField, "", "code", "error.type", "detail.reason", "error.x.code", "a.b.c.d", "errors.code", "a..b", "error.", "c\u006fde", "\u017fode"}

// reasonTricky are bodies at the edges of reasonIn's rules.
var reasonTricky = []string{
	// Duplicates: the last member counts, at every level.
	`{"error":{"code":"insufficient_quota"},"error":{"type":"odd"}}`, `{"error":{"code":"insufficient_quota"},"error":1}`,
	`{"error":{"code":"odd","code":"rate_limit_exceeded"}}`, `{"error":{"code":"rate_limit_exceeded","code":1}}`,
	`{"code":"odd","code":null,"type":"x"}`, `{"errors":[{"code":"invalid_api_key"}],"errors":[{"code":"odd"}]}`,
	`{"errors":[{"code":"invalid_api_key"}],"errors":{}}`, `{"errors":[{"code":"a","code":"invalid_api_key"}]}`,
	`{"detail":{"reason":"rate_limit_exceeded"},"detail":{"x":1}}`, `{"a":{"b":{"c":{"d":"server_error"}}},"a":{"b":{"c":{"e":1}}}}`,
	`{"a":{"b":{"c":{"d":"server_error"}}}}`, `{"a":{"b":[{"c":{"d":"server_error"}}]}}`, `{"a":{"":{"b":"server_error"}}}`,
	`{"error":{"":"server_error"}}`, `{"code":{"":"server_error"}}`,
	// Key matching: exact, after unescaping.
	`{"CODE":"rate_limit_exceeded"}`, `{"Code":"rate_limit_exceeded","code":"odd"}`, `{"c\u006fde":"rate_limit_exceeded"}`,
	`{"\u0065rror":{"\u0063ode":"insufficient_quota"}}`, `{"error_\u0063ode":"insufficient_quota"}`, `{"\u017fode":"insufficient_quota"}`,
	`{"ſode":"insufficient_quota"}`, "{\"code\xff\":\"insufficient_quota\"}", `{"code ":"insufficient_quota"}`, `{"errorcode":"insufficient_quota"}`,
	`{"error\u0000":{"code":"x"}}`, `{"TYPE":"model_overloaded"}`, `{"Errors":[{"code":"invalid_api_key"}]}`, `{"errors\"":[{"code":"x"}]}`,
	// Values.
	`{"code":""}`, `{"code":" "}`, `{"code":"a b"}`, `{"code":"é"}`, "{\"code\":\"\xff\"}", `{"code":"\u00e9"}`, `{"code":"a\u0000"}`,
	`{"code":"rate\u005flimit\u005fexceeded"}`, `{"code":"\ud83d\ude00"}`, `{"code":"\ud83d"}`, `{"code":"x\/y"}`, `{"code":"urn:a/b"}`,
	`{"code":true}`, `{"code":null}`, `{"code":["rate_limit_exceeded"]}`, `{"code":1e3}`, `{"error":{"code":-1,"type":"odd"}}`,
	`{"code":"` + strings.Repeat("a", MaxReasonLen) + `"}`, `{"code":"` + strings.Repeat("a", MaxReasonLen+1) + `"}`,
	`{"code":"` + strings.Repeat(`\u0061`, 44) + `a"}`, `{"code":"` + strings.Repeat(`\u0061`, 45) + `"}`,
	`{"type":"` + strings.Repeat(`\/`, 128) + `insufficient_quota"}`, `{"type":"` + strings.Repeat(`\/`, 129) + `insufficient_quota"}`,
	`{"type":"` + strings.Repeat("/", 254) + `server_error"}`, `{"type":"` + strings.Repeat("/", 259) + `server_error"}`,
	`{"type":"` + strings.Repeat("/", 258) + `server_error"}`, `{"type":"` + strings.Repeat("\xff", 258) + `/server_error"}`,
	// Type URIs.
	`{"type":"https://api.test/p/insufficient_quota"}`, `{"type":"https://api.test/p/insufficient_quota//"}`, `{"type":"/"}`, `{"type":"//"}`,
	`{"type":"about:blank"}`, `{"type":"about:blank","code":"odd"}`, `{"type":"https://x/odd","code":"other"}`, `{"type":"a b/server_error"}`,
	`{"type":"é/server_error"}`, `{"type":"https:\/\/x\/server_error"}`, `{"type":"server_error/"}`, `{"type":"odd"}`, `{"type":"about:blank/"}`,
	`{"error":{"type":"https://x/server_error"}}`, `{"error":{"code":"https://x/server_error"}}`, `{"code":"x/y","type":"z"}`,
	// Precedence.
	`{"error":{"code":"a"},"code":"b","error_code":"c","errorCode":"d","type":"e","errors":[{"code":"f"}]}`,
	`{"errors":[{"code":"f"}],"type":"e","errorCode":"d","error_code":"c","code":"b","error":{"type":"a2","code":"a"}}`,
	`{"errors":[{"code":"f"}],"type":"e","errorCode":"d","error_code":"c","code":"b","error":{"type":"server_error","code":"a"}}`,
	`{"errorCode":"x","error_code":"server_error"}`, `{"errors":[1,"x",{"code":1},{},{"code":"a"},{"code":"server_error"}]}`,
	`{"errors":[{},{},{},{},{},{},{},{"code":"a"},{"code":"server_error"}]}`, `{"errors":[{},{},{},{},{},{},{},{},{"code":"server_error"}]}`,
	`{"errors":[{},{},{},{},{},{},{},{"code":"server_error"}]}`, `{"errors":[[{"code":"server_error"}]]}`, `{"errors":{"code":"server_error"}}`,
	`{"errors":[{"error":{"code":"server_error"}}]}`, `{"error":[{"code":"server_error"}]}`, `{"error":{"error":{"code":"server_error"}}}`,
	`{"x":{"code":"server_error"}}`, `{"error":"server_error"}`, `{"message":{"code":"server_error"}}`,
	// Message and reason side by side.
	`{"error":{"message":"m","code":"insufficient_quota","type":"invalid_request_error"}}`, `{"errors":[{"message":"m","code":"invalid_api_key"}]}`,
	`{"message":"m","code":"odd"}`, `{"type":"https://x/model_overloaded","title":"T","status":503,"detail":"d"}`,
	// Not JSON objects, invalid JSON.
	`{"code":"server_error",}`, `{"code":"server_error"} x`, `["server_error"]`, `"server_error"`, `server_error`, ``, `{"code":"server_error"`,
	"\ufeff{\"code\":\"server_error\"}", `{"error":{"code":"server_error"},"n":01}`,
}

// readDiffBody is the body FromResponse reads c's reason from: at most
// MaxBodyBytes, decompressed, with the request's credentials redacted.
func readDiffBody(c diffCase) []byte {
	resp := c.respond()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
	if c.gzip {
		body = oldGunzip(body)
	}
	return redactBytes(body, requestSecrets(resp.Request, nil))
}

// compareReason reports how reasonIn differs from oldReasonIn on body,
// along each field of diffFields, and how the reason of FromResponse on
// c differs from oldReasonIn's on what it reads; "" when they agree.
func compareReason(c diffCase) string {
	var diffs []string
	plain := c.body
	if c.gzip {
		plain = oldGunzip(c.body)
	}
	for _, field := range diffFields {
		if got, want := reasonIn(plain, field), oldReasonIn(plain, field); got != want {
			diffs = append(diffs, fmt.Sprintf("reasonIn(field %q) = %q, want %q", field, got, want))
		}
	}
	e, _ := FromResponse(c.respond()).(*Error)
	if want := oldReasonIn(readDiffBody(c), reasonField); e == nil || e.Reason != want {
		diffs = append(diffs, fmt.Sprintf("FromResponse's reason %v, want %q", e, want))
	}
	return strings.Join(diffs, "; ")
}

// TestReasonInMatchesOld: reasonIn and FromResponse find what oldReasonIn
// finds, on the reference table, the reason edge cases, the message
// differential's tricky and deep bodies, plain, gzipped and with echoed
// credentials.
func TestReasonInMatchesOld(t *testing.T) {
	n, found := 0, 0
	check := func(category string, body string) {
		for _, c := range []diffCase{
			{body: []byte(body), contentType: "application/json"},
			{body: []byte(body), creds: true, contentType: "application/problem+json"},
			{body: gzipped(body), gzip: true},
		} {
			n++
			if d := compareReason(c); d != "" {
				t.Errorf("%s: body %.200q (gzip %t, credentials %t): %s", category, body, c.gzip, c.creds, d)
			}
		}
		if oldReasonIn([]byte(body), reasonField) != "" {
			found++
		}
	}
	for _, tt := range reasonBodies {
		check("reasonBodies "+tt.name, tt.body)
	}
	for _, body := range reasonTricky {
		check("reason edge", body)
	}
	// An echoed credential is redacted before the code is read.
	for _, body := range []string{`{"code":"sk-abcdefghijklmnop"}`, `{"error":{"code":"qk_4455667788"},"code":"server_error"}`,
		`{"code":"sess-01\/23456789"}`, `{"code":"x` + "sk-abcdefghijklmnop" + `"}`, `{"code":sk-abcdefghijklmnop}`} {
		check("credentials", body)
	}
	for category, bodies := range trickyBodies {
		for _, body := range bodies {
			check(category, body)
		}
	}
	for _, body := range deepBodies() {
		check("deep", body)
	}
	long := `{"code":"server_error","pad":"` + strings.Repeat("p", MaxBodyBytes) + `"}`
	for _, body := range []string{long, long[:MaxBodyBytes], `{"pad":"` + strings.Repeat("p", MaxBodyBytes-40) + `","code":"server_error"}`} {
		check("limit", body)
	}
	t.Logf("%d responses, %d bodies with a reason", n, found)
}

// TestReasonInMatchesOldRandom: the same on the random bodies of the
// message differential test, whose keys and strings lean to the ones
// reasonIn reads, and on their mutations.
func TestReasonInMatchesOldRandom(t *testing.T) {
	n := 30_000
	if testing.Short() {
		n = 3_000
	}
	rng := rand.New(rand.NewSource(11))
	var gzBuf bytes.Buffer
	zw := gzip.NewWriter(&gzBuf)
	failures, known, unknown := 0, 0, 0
	for i := 0; i < n && failures < 20; i++ {
		body := randomBody(rng)
		if i%2 == 0 {
			body = randomReasonBody(rng)
		}
		c := diffCase{body: body, creds: rng.Intn(4) == 0, contentType: "application/json"}
		if rng.Intn(20) == 0 {
			c.gzipWith(zw, &gzBuf)
		}
		if d := compareReason(c); d != "" {
			t.Errorf("body %q: %s", body, d)
			failures++
		}
		switch r := oldReasonIn(body, reasonField); {
		case r.Known():
			known++
		case r != "":
			unknown++
		}
	}
	t.Logf("%d random bodies: %d gave a Known reason, %d another", n, known, unknown)
}

// reasonValues are the values randomReasonBody gives its candidates:
// Known codes, others, URIs, escaped, invalid, and not strings.
var reasonValues = []string{`"insufficient_quota"`, `"rate_limit_exceeded"`, `"server_error"`, `"odd_code"`, `"other"`, `"rate\u005flimit_exceeded"`,
	`"https://api.test/p/insufficient_quota"`, `"https://api.test/p/odd"`, `"about:blank"`, `"a b"`, `""`, `429`, `null`, `{}`, `[]`, `"é"`,
	`"urn:x/y"`, `"server_error/"`, `{"code":"server_error"}`, `[{"code":"server_error"}]`}

// reasonMembers are the members randomReasonBody puts in an object, %s
// being a value; "error" and "errors" take objects randomReasonBody
// builds.
var reasonMembers = []string{`"code":%s`, `"type":%s`, `"error_code":%s`, `"errorCode":%s`, `"CODE":%s`, `"c\u006fde":%s`, `"message":"m"`,
	`"reason":%s`, `"detail":{"reason":%s}`, `"x":%s`}

// randomReasonBody returns a random JSON object of the shapes reasonIn
// reads: its candidates, in any order, duplicated, inside "error" and
// "errors", with Known and other values, mutated one time in four.
func randomReasonBody(rng *rand.Rand) []byte {
	var obj func(depth int) string
	obj = func(depth int) string {
		var members []string
		for i, n := 0, rng.Intn(5); i < n; i++ {
			switch k := rng.Intn(len(reasonMembers) + 2); {
			case k == len(reasonMembers) && depth < 3:
				members = append(members, `"error":`+obj(depth+1))
			case k == len(reasonMembers)+1 && depth < 3:
				var elems []string
				for j, m := 0, rng.Intn(11); j < m; j++ {
					elems = append(elems, obj(depth+1))
				}
				members = append(members, `"errors":[`+strings.Join(elems, ",")+`]`)
			case k < len(reasonMembers):
				m := reasonMembers[k]
				if strings.Contains(m, "%s") {
					m = fmt.Sprintf(m, reasonValues[rng.Intn(len(reasonValues))])
				}
				members = append(members, m)
			}
		}
		return "{" + strings.Join(members, ",") + "}"
	}
	b := []byte(obj(0))
	if rng.Intn(4) == 0 {
		b = mutate(rng, b)
	}
	return b
}

// FuzzReasonDifferential: on any body, plain or gzipped, with or without
// echoed credentials, reasonIn (along each of diffFields and the fuzzed
// field) and FromResponse find what oldReasonIn finds.
func FuzzReasonDifferential(f *testing.F) {
	for _, tt := range reasonBodies {
		if len(tt.body) < 1<<10 {
			f.Add([]byte(tt.body), tt.field, false, false)
		}
	}
	for _, body := range reasonTricky {
		if len(body) < 1<<10 {
			f.Add([]byte(body), reasonField, false, false)
		}
	}
	f.Add(gzipped(`{"error":{"code":"insufficient_quota"}}`), "", true, false)
	f.Add([]byte(`{"code":"sk-abcdefghijklmnop","type":"odd"}`), "code", false, true)
	f.Fuzz(func(t *testing.T, body []byte, field string, gz, creds bool) {
		c := diffCase{body: body, gzip: gz, creds: creds, contentType: "application/json"}
		if d := compareReason(c); d != "" {
			t.Fatalf("body %q: %s", body, d)
		}
		if got, want := reasonIn(body, field), oldReasonIn(body, field); got != want {
			t.Fatalf("body %q, field %q: reasonIn = %q, want %q", body, field, got, want)
		}
	})
}
