package errcodes

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"math/rand"
	"net/http"
	"strings"
	"testing"
	"unicode/utf8"
)

// The differential tests hold FromResponse to oldFromResponse, which
// decodes with encoding/json: on every body, both give the same *Error but
// for Problem, which the old one did not have.

// diffRequest carries credentials the bodies below echo.
var diffRequest = newRequest("https://api.test/v1/songs?api_key=qk_4455667788", "Authorization", "Bearer sk-abcdefghijklmnop",
	"Cookie", "a=b; sid=sess-01/23456789")

// diffCase is one response for the differential tests.
type diffCase struct {
	body        []byte
	gzip        bool   // sent with Content-Encoding: gzip
	contentType string // sent as Content-Type
	creds       bool   // the request carried diffRequest's credentials
}

// gzipWith compresses c's body and marks it sent gzip-encoded, with zw
// and buf, which a loop of random cases reuses.
func (c *diffCase) gzipWith(zw *gzip.Writer, buf *bytes.Buffer) {
	buf.Reset()
	zw.Reset(buf)
	zw.Write(c.body)
	zw.Close()
	c.body, c.gzip = bytes.Clone(buf.Bytes()), true
}

// respond builds c's response; each call gives a fresh body.
func (c diffCase) respond() *http.Response {
	h := http.Header{"Retry-After": {"3"}, "Content-Type": {c.contentType}}
	if c.gzip {
		h.Set("Content-Encoding", "gzip")
	}
	resp := &http.Response{StatusCode: 502, Status: "502 Bad Gateway sk-abcdefghijklmnop", Header: h, Body: readCloser{bytes.NewReader(c.body)}}
	if c.creds {
		resp.Request = diffRequest
	}
	return resp
}

// compareOld reports how FromResponse and oldFromResponse differ on c, or "".
func compareOld(c diffCase) string {
	got, _ := FromResponse(c.respond()).(*Error)
	want, _ := oldFromResponse(c.respond()).(*Error)
	if got == nil || want == nil {
		return fmt.Sprintf("got %v, want %v", got, want)
	}
	var diffs []string
	if got.Code != want.Code || got.Status != want.Status || got.RetryAfter != want.RetryAfter {
		diffs = append(diffs, fmt.Sprintf("code/status/wait %d %q %v, want %d %q %v", got.Code, got.Status, got.RetryAfter, want.Code, want.Status, want.RetryAfter))
	}
	if got.Message != want.Message {
		diffs = append(diffs, fmt.Sprintf("Message %q, want %q", got.Message, want.Message))
	}
	if !bytes.Equal(got.Body, want.Body) || (got.Body == nil) != (want.Body == nil) {
		diffs = append(diffs, fmt.Sprintf("Body %q, want %q", got.Body, want.Body))
	}
	if p := got.Problem; p != nil {
		for _, s := range []string{p.Type, p.Title, p.Detail, p.Instance} {
			if s != cleanMessage(s) && !strings.HasSuffix(s, "…") || len(s) > maxMessageLen+len("…") || !utf8.ValidString(s) {
				diffs = append(diffs, fmt.Sprintf("Problem member %q is not clean", s))
			}
		}
	}
	if want := refProblem(c); !equalProblem(got.Problem, want) {
		diffs = append(diffs, fmt.Sprintf("Problem %+v, want %+v", got.Problem, want))
	}
	return strings.Join(diffs, "; ")
}

// refProblem is the Problem c's response should give, found with
// encoding/json: a map keeps the last of duplicate members and matches
// names exactly, as the rule says.
func refProblem(c diffCase) *Problem {
	resp := c.respond()
	body, _ := io.ReadAll(io.LimitReader(resp.Body, MaxBodyBytes))
	if c.gzip {
		body = oldGunzip(body)
	}
	b := trimBody(body)
	var members map[string]json.RawMessage
	if len(b) == 0 || b[0] != '{' || json.Unmarshal(b, &members) != nil {
		return nil
	}
	secrets := requestSecrets(resp.Request, nil)
	str := func(name string) (string, bool) {
		raw := members[name]
		var s string
		if len(raw) == 0 || raw[0] != '"' || json.Unmarshal(raw, &s) != nil {
			return "", false
		}
		return s, true
	}
	media := strings.TrimSpace(strings.Split(c.contentType, ";")[0])
	switch {
	case strings.EqualFold(media, "application/problem+json"):
	case strings.EqualFold(media, "application/json"):
		title, _ := str("title")
		status := string(members["status"])
		_, typ := str("type")
		_, detail := str("detail")
		_, instance := str("instance")
		if title == "" || len(status) != 3 || status[0] < '1' || status[0] > '5' || !isDigits(status) || !(typ || detail || instance) {
			return nil
		}
	default:
		return nil
	}
	member := func(name string) string {
		s, _ := str(name)
		return truncateMessage(redactString(cleanMessage(s), secrets))
	}
	return &Problem{Type: member("type"), Title: member("title"), Detail: member("detail"), Instance: member("instance")}
}

// nest wraps v in n arrays.
func nest(n int, v string) string {
	return strings.Repeat("[", n) + v + strings.Repeat("]", n)
}

// nestObjects wraps v in n objects of member "a".
func nestObjects(n int, v string) string {
	return strings.Repeat(`{"a":`, n) + v + strings.Repeat("}", n)
}

// trickyBodies are bodies at the edges of what messageOf accepted, by
// category.
var trickyBodies = map[string][]string{
	"shapes": {
		`{"message":"m"}`, `{"error":"e"}`, `{"error":{"message":"em"}}`, `{"error":{"msg":"x"}}`, `{"error":{"detail":"d"}}`,
		`{"error":{"description":"d"}}`, `{"detail":"d"}`, `{"detail":[{"loc":["body"],"msg":"field required"}]}`,
		`{"errors":[{"message":"a"},{"message":"b"}]}`, `{"errors":[{},{"message":"second"}]}`, `{"errors":["plain"]}`,
		`{"error_description":"bad grant","error":"invalid_grant"}`, `{"title":"T","detail":"D"}`, `{"msg":"m"}`,
		`{"type":"error","error":{"type":"rate_limit_error","message":"slow"}}`, `{"error":{"code":429,"message":"x","status":"RESOURCE_EXHAUSTED"}}`,
		`{"message":{"message":{"message":"deep3"}}}`, `{"message":{"message":{"message":{"message":"deep4"}}}}`,
		`{"errors":[[["s"]]]}`, `{"errors":[[[["s"]]]]}`, `{"error":[{"msg":["x"]}]}`, `{"error":{"message":["a","b"]}}`,
		`{"error":{"message":{"description":"z"},"msg":"y"}}`, `{"error":{"description":"d","detail":"t","msg":"m","message":""}}`,
		`{"msg":"m","title":"t","error_description":"ed","errors":"es","detail":"d","error":"e","message":"m0"}`,
		`{"msg":"m","title":"t","error_description":"ed","errors":"es","detail":"d","error":"e"}`,
		`{"msg":"m","title":"t","error_description":"ed","errors":"es","detail":"d"}`,
		`{"msg":"m","title":"t","error_description":"ed","errors":[]}`, `{"msg":"m","title":""}`,
		`{"message":""}`, `{"message":" "}`, `{"message":"\t\n"}`, `{"message":null,"error":"e"}`, `{"message":1,"error":"e"}`,
		`{"message":true}`, `{"message":[]}`, `{"message":{}}`, `{"error":{"message":"","msg":"m"}}`, `{"error":{"message":" ","msg":"m"}}`,
		`{}`, `{"other":"x"}`, `{"data":{"message":"nested elsewhere"}}`,
	},
	"key matching": {
		`{"MESSAGE":"upper"}`, `{"Message":"title"}`, `{"mEsSaGe":"mixed"}`, `{"meſſage":"long s"}`, `{"me\u017f\u017fage":"escaped long s"}`,
		`{"\u006dessage":"escaped m"}`, `{"mess\u0061ge":"x"}`, `{"ERROR":{"MESSAGE":"x"}}`, `{"Error_Description":"x"}`, `{"ERRORS":[{"MSG":"x"}]}`,
		`{"messagé":"x"}`, `{"message ":"x"}`, `{" message":"x"}`, `{"messag":"x"}`, `{"message\u0000":"x"}`, `{"mes\ud800sage":"x"}`,
		`{"ms\u212a":"kelvin"}`, `{"error":{"DeScRiPtIoN":"d"}}`, `{"error":{"deſcription":"d"}}`, `{"m\u0065ssage":"e"}`,
		"{\"mess\xffage\":\"x\"}", `{"message\"":"x"}`, `{"\\message":"x"}`,
	},
	"duplicates": {
		`{"message":"a","message":"b"}`, `{"message":"a","MESSAGE":"b"}`, `{"MESSAGE":"a","message":"b"}`, `{"message":"a","message":null}`,
		`{"message":"a","message":""}`, `{"message":null,"message":"b"}`, `{"error":{"message":"a","Message":{"x":1}},"error":"later"}`,
		`{"error":"first","error":{"nothing":1}}`, `{"error":{"msg":"a","msg":"b"}}`, `{"title":"T","title":1}`,
	},
	"invalid JSON": {
		`{"message":"x",}`, `{"message":"x"}}`, `{"message":"x"} x`, `{"message":"x"}{}`, `{"message":"x"`, `{"message":"x`, `{"message":}`,
		`{"message" "x"}`, `{"message":"x" "y":1}`, `{message:"x"}`, `{'message':'x'}`, `{"message":"x"/*c*/}`, `{"message":"a\x"}`,
		`{"message":"a\'b"}`, `{"message":"\u12"}`, `{"message":"\u12G4"}`, `{"message":"\u"}`, "{\"message\":\"a\x01b\"}", "{\"message\":\"a\nb\"}",
		"{\"message\":\"a\x7fb\"}", `{"message":"x","n":01}`, `{"message":"x","n":1.}`, `{"message":"x","n":.5}`, `{"message":"x","n":-}`,
		`{"message":"x","n":1e}`, `{"message":"x","n":1e+}`, `{"message":"x","n":+1}`, `{"message":"x","n":-0}`, `{"message":"x","n":-0.0e-0}`,
		`{"message":"x","n":1E+5}`, `{"message":"x","n":0x10}`, `{"message":"x","n":NaN}`, `{"message":"x","n":Infinity}`, `{"message":"x","n":tru}`,
		`{"message":"x","n":nul}`, `{"message":"x","n":nulll}`, `{"message":"x","n":true1}`, `{"message":"x","n":[1,]}`, `{"message":"x","n":[,1]}`,
		`{"message":"x","n":{,}}`, `{"message":"x","n":{"a"}}`, `{"message":"x","n":{"a":}}`, `{"message":"x","n":[1 2]}`, `{"message":"x","n":["a":1]}`,
		`{"message":"x","n":{"a":1]}`, `{"message":"x","n":[}`, "{\"message\":\"x\"}\x00", "{\"message\":\v\"x\"}", "{\"message\":\"x\"\u00a0}",
		`{"message":"x","n":"\ud800\u"}`, `{"message":"x"},`, `{"message":"x"}]`, `{"a":[[[]]}`, `{"a":[[[]]]]}`, `{`, `{"`, `{"a`, `{"a"`, `{"a":`,
		"{\"message\":\"x\",\"n\":1}\n\n x",
	},
	"strings": {
		`{"message":"tab\there"}`, `{"message":"nl\nforged log line"}`, `{"message":"a\u0000b"}`, `{"message":"a\u2028b\u2029c"}`,
		`{"message":"soft\u00adhyphen"}`, `{"message":"zero\u200bwidth"}`, `{"message":"\ufeffbom"}`, `{"message":"nbsp\u00a0and\u3000ideo"}`,
		`{"message":"\u0085nel"}`, `{"message":"  lead  and  trail  "}`, `{"message":"\ud83d\ude00 pair"}`, `{"message":"\ud83d lone high"}`,
		`{"message":"\ude00 lone low"}`, `{"message":"\ud83d\u0041 high then A"}`, `{"message":"\ud83d\ud83d\ude00 high high low"}`,
		`{"message":"end high \ud83d"}`, `{"message":"\ud83d\n"}`, `{"message":"\uDE00\uD83D reversed"}`, `{"message":"\/slash\\back\"quote"}`,
		"{\"message\":\"bad \xff\xfe bytes\"}", "{\"message\":\"cut \xe2\x82\"}", "{\"message\":\"surrogate \xed\xa0\x80 utf8\"}",
		"{\"message\":\"over \xc0\xaf long\"}", "{\"message\":\"\xef\xbf\xbd\xff\"}", `{"message":"\uFFFD"}`, `{"message":"\u00e9\u00C9"}`,
		`{"message":"` + strings.Repeat("é", 600) + `"}`, `{"message":"` + strings.Repeat("a", 1023) + `é"}`,
		`{"message":"` + strings.Repeat("a", 1030) + `"}`, `{"message":"` + strings.Repeat(`\u00e9`, 2000) + `"}`,
		`{"message":"` + strings.Repeat("\xff", 3000) + `"}`, `{"message":"` + strings.Repeat("a ", 2000) + `"}`,
	},
	"credentials": {
		`{"message":"bad token sk-abcdefghijklmnop"}`, `{"message":"cookie sess-01\/23456789"}`, `{"message":"cookie sess-01/23456789"}`,
		`{"message":"key qk_4455667788 and sk-abcdefghijklmnop"}`, `{"message":"` + strings.Repeat("x", 1010) + ` sk-abcdefghijklmnop"}`,
		`{"error":{"message":"sk-abcdefgh\u0069jklmnop"}}`, "token sk-abcdefghijklmnop in text", `{"message":"sk-abcdefghijklmnop\nsk-abcdefghijklmnop"}`,
		`{"detail":"x","title":"sk-abcdefghijklmnop","status":401,"type":"about:blank"}`,
	},
	"whitespace and BOM": {
		" \t\r\n{\"message\":\"ws\"} \t\r\n", "\ufeff{\"message\":\"bom\"}", "\ufeff \ufeff{\"message\":\"two boms\"}", "\u00a0{\"message\":\"nbsp\"}\u00a0",
		"\v{\"message\":\"vt\"}\f", "\u0085{\"message\":\"nel\"}", "\u2028{\"message\":\"ls\"}", "{ \"message\" : \"spaced\" }", "{\n\t\"message\"\r:\n\"x\"\n}",
		"\ufeff", "\ufeff   ", "   ", "", "\x00", "{\"message\":\"x\"}\ufeff", "\xef\xbb{\"message\":\"half bom\"}",
	},
	"plain text and others": {
		"plain text", "  spaced   text  ", "text\nwith\rcontrols\x01\x02", "<html><body>502</body></html>", "[1,2,3]", `["message"]`,
		`"just a string"`, `123`, `null`, `true`, strings.Repeat("t", 1024), strings.Repeat("t", 1025), "bad \xff\xfe\xfd utf8",
		"mostly\x01\x02\x03\x04\x05\x06 controls", "\x1f\x8b\x08 gzip magic", "nul\x00byte", "\xff\xff\xff\xff\xffabc",
		strings.Repeat("é", 512) + "\xff", strings.Repeat("\x01", 100) + strings.Repeat("a", 500), "a\u200bb", "\u00ad",
	},
	"problem details": {
		`{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.","status":403,"detail":"Your balance is 30.","instance":"/account/12345/msgs/abc"}`,
		`{"type":"about:blank","title":"Not Found","status":404}`, `{"title":"T","status":"400","detail":"D"}`, `{"title":"T","status":400}`,
		`{"title":"","status":400,"detail":"D"}`, `{"title":"T","status":4000,"detail":"D"}`, `{"title":"T","status":400.0,"detail":"D"}`,
		`{"title":"T","status":99,"detail":"D"}`, `{"title":"T","status":600,"detail":"D"}`, `{"title":"T","status":400,"instance":1,"detail":null,"type":"t"}`,
		`{"TITLE":"T","STATUS":400,"TYPE":"t"}`, `{"title":"a\u0000b\nc","status":500,"detail":"` + strings.Repeat("d", 2000) + `"}`,
	},
}

// deepBodies nest past the depths that matter: messageIn's and encoding/json's.
func deepBodies() []string {
	var bodies []string
	for _, n := range []int{9998, 9999, 10000, 10001, 20000} {
		bodies = append(bodies,
			`{"message":"x","n":`+nest(n-1, "1")+`}`,
			`{"message":"x","n":`+nestObjects(n-1, "1")+`}`,
			`{"errors":`+nest(n-1, `"deep"`)+`}`,
			`{"message":"x","n":`+nest(n-1, "")+`}`,
			`{"message":"x","n":`+nest(n, "1")+`}`,
		)
	}
	return bodies
}

// TestFromResponseMatchesOld: the scanner gives what encoding/json gave, on
// each tricky body, plain, gzipped, and with credentials in the request.
func TestFromResponseMatchesOld(t *testing.T) {
	n := 0
	check := func(category, body string) {
		for _, c := range []diffCase{
			{body: []byte(body), contentType: "application/json"},
			{body: []byte(body), creds: true, contentType: "application/problem+json"},
			{body: gzipped(body), gzip: true},
		} {
			n++
			if d := compareOld(c); d != "" {
				t.Errorf("%s: body %.200q (gzip %t, credentials %t): %s", category, body, c.gzip, c.creds, d)
			}
		}
	}
	for category, bodies := range trickyBodies {
		for _, body := range bodies {
			check(category, body)
		}
	}
	for _, body := range deepBodies() {
		check("deep", body)
	}
	// Truncated gzip, and a body past MaxBodyBytes.
	gz := gzipped(`{"message":"cut short"}`)
	for i := range gz {
		n++
		if d := compareOld(diffCase{body: gz[:i], gzip: true}); d != "" {
			t.Errorf("gzip cut at %d: %s", i, d)
		}
	}
	long := `{"message":"m","pad":"` + strings.Repeat("p", MaxBodyBytes) + `"}`
	for _, body := range []string{long, long[:MaxBodyBytes], "\ufeff" + long[:MaxBodyBytes-3] + `"}`} {
		check("limit", body)
	}
	t.Logf("%d responses", n)
}

// TestFromResponseMatchesOldRandom: the same, on bodies made of the keys
// and values that matter, at random, and on mutations of them that are
// mostly invalid JSON.
func TestFromResponseMatchesOldRandom(t *testing.T) {
	n := 100_000
	if testing.Short() {
		n = 10_000
	}
	rng := rand.New(rand.NewSource(10))
	var gzBuf bytes.Buffer
	zw := gzip.NewWriter(&gzBuf)
	failures, messages, problems, jsonProblems := 0, 0, 0, 0
	count := func(e *Error, c diffCase) {
		if e.Message != "" {
			messages++
		}
		if e.Problem != nil {
			problems++
			if strings.HasPrefix(c.contentType, "application/json") {
				jsonProblems++
			}
		}
	}
	for i := 0; i < n && failures < 20; i++ {
		body := randomBody(rng)
		c := diffCase{body: body, creds: rng.Intn(4) == 0, contentType: randomContentTypes[rng.Intn(len(randomContentTypes))]}
		if rng.Intn(20) == 0 {
			c.gzipWith(zw, &gzBuf)
		}
		if d := compareOld(c); d != "" {
			t.Errorf("body %q: %s", body, d)
			failures++
		}
		if e, _ := FromResponse(c.respond()).(*Error); e != nil {
			count(e, c)
		}
	}
	t.Logf("%d random bodies: %d gave a message, %d a problem (%d sent as application/json)", n, messages, problems, jsonProblems)
}

// randomContentTypes are the Content-Types the random bodies are sent with.
var randomContentTypes = []string{"application/json", "application/json; charset=utf-8", "application/problem+json", "APPLICATION/PROBLEM+JSON;x=y", "text/plain", ""}

// randomKeys are the member names the random bodies use: those that
// matter, to messages and to the string code, in other cases and
// spellings, and others. The first numBiasKeys are those that matter most.
var randomKeys = []string{"message", "error", "detail", "errors", "error_description", "title", "msg", "description",
	"code", "type", "error_code", "errorCode", "reason",
	"instance", "status", "MESSAGE", "Error", "mſg", `m\u0073g`, "data", "x", "", `\u0000`, "messages",
	"CODE", `c\u006fde`, "errorcode", "Type"}

// numBiasKeys is how many of randomKeys' first keys half the members use:
// the message keys and the string code's.
const numBiasKeys = 13

// randomStrings are string contents, escaped, the random bodies use.
var randomStrings = []string{"", " ", "m", "two  words", `a\nb`, `\u0000`, `\ud83d\ude00`, `\ud83d`, `\ude00x`, "\xff", "é", `\"`, `\\`, `\/`,
	"\u2028", `\u00ad`, "sk-abcdefghijklmnop", `sess-01\/23456789`, "\xef\xbb\xbf", "\t", `\t`,
	// String codes, Known and not, as URIs, escaped.
	"insufficient_quota", "rate_limit_exceeded", "server_error", "odd_code", `rate\u005flimit_exceeded`, "https://api.test/p/", "about:blank", "/"}

// randomBody returns a random JSON object of the shapes messageOf reads,
// mutated one time in three.
func randomBody(rng *rand.Rand) []byte {
	var b []byte
	if rng.Intn(10) == 0 {
		b = append(b, []string{" ", "\ufeff", "\n", "\u00a0"}[rng.Intn(4)]...)
	}
	b = randomValue(rng, b, 0, true)
	if rng.Intn(3) == 0 {
		// The members of a problem, right and wrong, before the others.
		members := []string{`"title":"T"`, `"title":""`, `"title":1`, `"status":400`, `"status":"400"`, `"status":4000`, `"status":599`,
			`"type":"about:blank"`, `"detail":"D"`, `"instance":"/i"`, `"instance":null`, `"Title":"T"`}
		var p []byte
		for i, n := 0, 2+rng.Intn(3); i < n; i++ {
			p = append(p, members[rng.Intn(len(members))]...)
			p = append(p, ',')
		}
		at := bytes.IndexByte(b, '{') + 1
		if b[at] == '}' { // an empty object: no comma after the problem's members
			p = p[:len(p)-1]
		}
		b = append(b[:at:at], append(p, b[at:]...)...)
	}
	if rng.Intn(3) == 0 {
		b = mutate(rng, b)
	}
	return b
}

// randomValue appends a random JSON value; top makes it an object.
func randomValue(rng *rand.Rand, b []byte, depth int, top bool) []byte {
	kind := rng.Intn(8)
	if top {
		kind = 0
	} else if depth > 5 {
		kind = 2 + rng.Intn(6)
	}
	ws := func() {
		if rng.Intn(8) == 0 {
			b = append(b, " \t\n\r"[rng.Intn(4)])
		}
	}
	switch kind {
	case 0:
		b = append(b, '{')
		for i, n := 0, rng.Intn(5); i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			ws()
			b = append(b, '"')
			key := randomKeys[rng.Intn(len(randomKeys))]
			if rng.Intn(2) == 0 {
				key = randomKeys[rng.Intn(numBiasKeys)] // mostly the keys that matter
			}
			b = append(b, key...)
			b = append(b, '"')
			ws()
			b = append(b, ':')
			b = randomValue(rng, b, depth+1, false)
			ws()
		}
		b = append(b, '}')
	case 1:
		b = append(b, '[')
		for i, n := 0, rng.Intn(4); i < n; i++ {
			if i > 0 {
				b = append(b, ',')
			}
			b = randomValue(rng, b, depth+1, false)
		}
		b = append(b, ']')
	case 2, 3, 4:
		b = append(b, '"')
		for i, n := 0, rng.Intn(3); i < n; i++ {
			b = append(b, randomStrings[rng.Intn(len(randomStrings))]...)
		}
		b = append(b, '"')
	case 5:
		b = append(b, []string{"0", "-1", "400", "1.5", "2e3", "-0.0E+1", "429"}[rng.Intn(7)]...)
	case 6:
		b = append(b, []string{"true", "false", "null"}[rng.Intn(3)]...)
	default:
		b = append(b, '"', '"')
	}
	return b
}

// mutate deletes, inserts, replaces or duplicates a byte or two of b.
func mutate(rng *rand.Rand, b []byte) []byte {
	special := []byte("{}[]\",:\\ u0e.-\x00\x01\xff")
	for k, n := 0, 1+rng.Intn(2); k < n && len(b) > 0; k++ {
		i := rng.Intn(len(b))
		switch rng.Intn(4) {
		case 0:
			b = append(b[:i:i], b[i+1:]...)
		case 1:
			b = append(b[:i:i], append([]byte{special[rng.Intn(len(special))]}, b[i:]...)...)
		case 2:
			b[i] = special[rng.Intn(len(special))]
		default:
			b = append(b[:i:i], append([]byte{b[i]}, b[i:]...)...)
		}
	}
	return b
}

// FuzzFromResponseDifferential: on any body, Content-Encoding and
// credential echo, FromResponse gives what oldFromResponse gives, field by
// field but for Problem, whose members must be clean and bounded.
func FuzzFromResponseDifferential(f *testing.F) {
	for _, bodies := range trickyBodies {
		for _, body := range bodies {
			f.Add([]byte(body), false, false)
		}
	}
	f.Add(gzipped(`{"message":"gz"}`), true, false)
	f.Add([]byte(`{"message":"bad token sk-abcdefghijklmnop"}`), false, true)
	f.Fuzz(func(t *testing.T, body []byte, gz, creds bool) {
		c := diffCase{body: body, gzip: gz, creds: creds, contentType: "application/problem+json"}
		if d := compareOld(c); d != "" {
			t.Fatalf("body %q: %s", body, d)
		}
	})
}
