package spec

import (
	"slices"
	"strings"
)

// CodeEntry is one documented string error code: the identifier an API
// puts in its response body ("rate_limit_exceeded", "MISSING_API_KEY",
// "SVCSTG.ATS.400101"), next to the HTTP status. Many codes may share a
// status: "rate_limit_exceeded" and "insufficient_quota" are both 429, and a
// client must tell them apart to know whether to retry.
//
// The spec is a lock file for these too: an entry's identity is its Code,
// exactly as the API sends it. The docs' fields follow the docs; Name,
// Aliases and a retry override stay as the spec has them.
type CodeEntry struct {
	// Code is the string code as it appears on the wire.
	Code string `json:"code"`
	// Status is the HTTP status the API answers with when it sends the
	// code, 100 to 599; 0 when the docs do not say. Many codes may share
	// one.
	Status int `json:"status,omitempty"`
	// Name is the exported Go identifier of the code's constant; its
	// sentinel is "Err" + Name. Names are unique across the spec's statuses
	// and codes.
	Name string `json:"name"`
	// Aliases are earlier names, kept as deprecated identifiers.
	Aliases []string `json:"aliases,omitempty"`
	// Description is the docs' short text for the code; the code itself
	// when the docs give no other.
	Description string `json:"description"`
	// Remedy is the docs' advice; empty when they give none.
	Remedy string `json:"remedy"`
	// Retryable reports whether a client may send the same request again.
	Retryable bool `json:"retryable"`
	// RetryableFrom says which rule decided Retryable: FromDocs (a retry
	// column), FromRemedy (the remedy says to retry, or not to),
	// FromOverride, FromExhausted (the code means a spent quota, balance
	// or credit: ExhaustedCode) or FromRule (the default rule for Status;
	// not retryable when Status is 0).
	RetryableFrom string `json:"retryable_from"`
	// Removed reports that the docs no longer list the code.
	Removed bool `json:"removed,omitempty"`

	// Line is the docs line of the code's row, for messages; never written.
	Line int `json:"-"`
}

// Where a string code's retry decision came from, beside FromRule, FromDocs
// and FromOverride.
const (
	// FromRemedy means the remedy says to retry, or not to.
	FromRemedy = "remedy"
	// FromExhausted means the code names a spent quota, balance or credit
	// (ExhaustedCode): never retried, whatever its status.
	FromExhausted = "exhausted"
)

// exhaustedNouns and exhaustedStates are the exhausted-quota rule as data:
// a code that holds a word of each (or one of exhaustedCodes) means that the
// account has used up what it paid for. Retrying cannot succeed until a
// person acts (buys credit, raises a limit, waits for the next billing
// period), yet such codes often come with 429, the status every client
// retries: an exhausted quota retried until the retry budget runs out is a
// recurring complaint in the trackers of LLM and payment SDKs.
var (
	exhaustedNouns  = []string{"quota", "credit", "credits", "balance", "billing", "funds", "plan", "subscription", "spend", "budget"}
	exhaustedStates = []string{"insufficient", "exceeded", "exhausted", "reached", "depleted", "spent", "limit", "over", "expired", "empty", "low", "out"}
	// exhaustedCodes are codes that mean an exhausted quota but hold no
	// word of each list.
	exhaustedCodes = []string{"payment_required", "usage_limit_reached"}
)

// ExhaustedCode reports whether a string code means an exhausted quota,
// plan, balance or credit ("insufficient_quota", "quota_exceeded",
// "billing_hard_limit_reached", "insufficient_credits",
// "QUOTA_EXHAUSTED"): such a code is never retried, even under 429. The
// code's words are compared without case, split as NameForCode splits them
// (at every character that is not a letter or digit, and where camel case
// starts a word: "quotaExceeded").
func ExhaustedCode(code string) bool {
	for _, c := range exhaustedCodes {
		if strings.EqualFold(code, c) {
			return true
		}
	}
	var noun, state bool
	for _, w := range splitCamel(code) {
		w = strings.ToLower(w)
		noun = noun || slices.Contains(exhaustedNouns, w)
		state = state || slices.Contains(exhaustedStates, w)
	}
	return noun && state
}

// CodeRetryable decides whether a string code is retried when neither the
// docs nor the spec say: never for an exhausted quota (FromExhausted), else
// as the default rule says for its status (FromRule; a code without a status
// is not retried).
func CodeRetryable(code string, status int) (retryable bool, from string) {
	if ExhaustedCode(code) {
		return false, FromExhausted
	}
	return status != 0 && DefaultRetryable(status), FromRule
}

// NameForCode turns a string code into an exported Go identifier:
// "rate_limit_exceeded" gives "RateLimitExceeded", "MISSING_API_KEY"
// "MissingAPIKey", "SVCSTG.ATS.400101" "SvcstgAts400101". A leading
// "errors." or "error." namespace, as SDK references write their error
// types, is dropped ("errors.NotFoundErrorResponse" gives
// "NotFoundErrorResponse"); a name that would start with a digit starts with
// "Code". ok is false when no valid name can be made.
func NameForCode(code string) (name string, ok bool) {
	for _, ns := range []string{"errors.", "error."} {
		if len(code) > len(ns) && strings.EqualFold(code[:len(ns)], ns) {
			code = code[len(ns):]
			break
		}
	}
	var b strings.Builder
	for _, w := range splitCamel(code) {
		upper := strings.ToUpper(w)
		switch {
		case initialisms[upper]:
			b.WriteString(upper)
		default:
			b.WriteString(upper[:1] + strings.ToLower(w[1:]))
		}
	}
	name = b.String()
	if name != "" && name[0] >= '0' && name[0] <= '9' {
		name = "Code" + name
	}
	return name, ValidName(name)
}

// splitCamel splits a code into its words, keeping their case: at every
// character that is not an ASCII letter or digit, and where camel case
// starts a word ("NotFoundError" is Not, Found, Error; "HTTPError" is HTTP,
// Error).
func splitCamel(code string) []string {
	var out []string
	start := -1
	isUpper := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	isLower := func(c byte) bool { return 'a' <= c && c <= 'z' }
	for i := 0; i <= len(code); i++ {
		var c byte
		if i < len(code) {
			c = code[i]
		}
		alnum := i < len(code) && (isUpper(c) || isLower(c) || '0' <= c && c <= '9')
		if !alnum {
			if start >= 0 {
				out = append(out, code[start:i])
			}
			start = -1
			continue
		}
		if start >= 0 && isUpper(c) {
			prev := code[i-1]
			nextLower := i+1 < len(code) && isLower(code[i+1])
			if !isUpper(prev) || nextLower && i-start > 1 && isUpper(prev) {
				out = append(out, code[start:i])
				start = i
			}
		}
		if start < 0 {
			start = i
		}
	}
	return out
}
