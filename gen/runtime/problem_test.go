package errcodes

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"
)

// rfcProblem is RFC 9457's example.
const rfcProblem = `{"type":"https://example.com/probs/out-of-credit","title":"You do not have enough credit.",` +
	`"detail":"Your current balance is 30, but that costs 50.","instance":"/account/12345/msgs/abc","balance":30,"status":403}`

func TestFromResponseProblem(t *testing.T) {
	rfc := &Problem{Type: "https://example.com/probs/out-of-credit", Title: "You do not have enough credit.",
		Detail: "Your current balance is 30, but that costs 50.", Instance: "/account/12345/msgs/abc"}
	for _, tt := range []struct {
		name, contentType, body string
		want                    *Problem
		message                 string
	}{
		{"RFC example", "application/problem+json", rfcProblem, rfc, rfc.Detail},
		{"media type case and parameters", " Application/Problem+JSON ; charset=utf-8", rfcProblem, rfc, rfc.Detail},
		{"problem+json, members optional", "application/problem+json", `{"title":"Not Found"}`, &Problem{Title: "Not Found"}, "Not Found"},
		{"problem+json, empty object", "application/problem+json", `{}`, &Problem{}, ""},
		{"problem+json, members that are no strings", "application/problem+json", `{"type":1,"title":null,"detail":{"message":"m"},"instance":[]}`, &Problem{}, "m"},
		{"problem+json, names matched exactly", "application/problem+json", `{"TITLE":"T","Detail":"D"}`, &Problem{}, "D"},
		{"problem+json, invalid JSON", "application/problem+json", `{"title":"T",}`, nil, ""},
		{"problem+json, an array", "application/problem+json", `[{"title":"T"}]`, nil, ""},
		{"problem+json, plain text", "application/problem+json", `not found`, nil, "not found"},
		{"json with the members of a problem", "application/json", `{"type":"about:blank","title":"Bad Request","status":400,"detail":"name is required"}`,
			&Problem{Type: "about:blank", Title: "Bad Request", Detail: "name is required"}, "name is required"},
		{"json, title, status and instance", "application/json; charset=utf-8", `{"title":"Conflict","status":409,"instance":"/jobs/7"}`,
			&Problem{Title: "Conflict", Instance: "/jobs/7"}, "Conflict"},
		{"json, Anthropic's shape", "application/json", `{"type":"error","error":{"type":"rate_limit_error","message":"slow down"}}`, nil, "slow down"},
		{"json, no status", "application/json", `{"type":"t","title":"T","detail":"D"}`, nil, "D"},
		{"json, status a string", "application/json", `{"type":"t","title":"T","status":"400"}`, nil, "T"},
		{"json, status out of range", "application/json", `{"type":"t","title":"T","status":4000}`, nil, "T"},
		{"json, status with a fraction", "application/json", `{"type":"t","title":"T","status":400.0}`, nil, "T"},
		{"json, empty title", "application/json", `{"type":"t","title":"","status":400}`, nil, ""},
		{"json, title only", "application/json", `{"title":"T","status":400}`, nil, "T"},
		{"json, other members not strings", "application/json", `{"type":null,"title":"T","status":400,"detail":7}`, nil, "T"},
		{"no content type", "", rfcProblem, nil, rfc.Detail},
		{"text/plain", "text/plain", rfcProblem, nil, rfc.Detail},
		{"members cleaned", "application/problem+json", `{"title":" two\n\tlines\u0000 ","detail":"a\u200bb"}`, &Problem{Title: "two lines", Detail: "a b"}, "a b"},
		{"members cut", "application/problem+json", `{"instance":"` + strings.Repeat("i", 2000) + `"}`, &Problem{Instance: strings.Repeat("i", maxMessageLen) + "…"}, ""},
		{"members redacted", "application/problem+json", `{"type":"t","detail":"bad key sk-abcdefghijklmnop","instance":"/k/sk-abcdefghijklmnop"}`,
			&Problem{Type: "t", Detail: "bad key [REDACTED]", Instance: "/k/[REDACTED]"}, "bad key [REDACTED]"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			resp := response(422, text(tt.body), "Content-Type", tt.contentType)
			resp.Request = credRequest
			e := FromResponse(resp).(*Error)
			if !equalProblem(e.Problem, tt.want) {
				t.Errorf("Problem = %+v, want %+v", e.Problem, tt.want)
			}
			if e.Message != tt.message {
				t.Errorf("Message = %q, want %q", e.Message, tt.message)
			}
			if e.Code != 422 {
				t.Errorf("Code = %d: the status comes from the response", e.Code)
			}
		})
	}
}

// TestFromResponseProblemGzip: problem details in a body the transport
// left compressed.
func TestFromResponseProblemGzip(t *testing.T) {
	e := FromResponse(response(403, bytes.NewReader(gzipped(rfcProblem)), "Content-Encoding", "gzip", "Content-Type", "application/problem+json")).(*Error)
	if e.Problem == nil || e.Problem.Instance != "/account/12345/msgs/abc" {
		t.Errorf("Problem = %+v", e.Problem)
	}
}

func equalProblem(a, b *Problem) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}

func TestLogValueProblem(t *testing.T) {
	for _, tt := range []struct {
		problem *Problem
		want    []string
		absent  []string
	}{
		{nil, nil, []string{"problem_", "=T", "=D"}},
		{&Problem{Title: "T", Detail: "D"}, nil, []string{"problem_", "=T", "=D"}},
		{&Problem{Type: "https://x.test/p", Title: "T", Instance: "/i/1"}, []string{"e.problem_type=https://x.test/p", "e.problem_instance=/i/1"}, []string{"=T"}},
		{&Problem{Instance: "/i/2"}, []string{"e.problem_instance=/i/2"}, []string{"problem_type"}},
	} {
		var out bytes.Buffer
		slog.New(slog.NewTextHandler(&out, nil)).Info("x", "e", &Error{Code: 403, Message: "m", Problem: tt.problem})
		for _, s := range tt.want {
			if !strings.Contains(out.String(), s) {
				t.Errorf("log %q lacks %q", out.String(), s)
			}
		}
		for _, s := range tt.absent {
			if strings.Contains(out.String(), s) {
				t.Errorf("log %q holds %q", out.String(), s)
			}
		}
	}
}
