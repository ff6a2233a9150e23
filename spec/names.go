package spec

import (
	"go/token"
	"strings"
	"unicode"
)

// initialisms are the words Go style writes in one case (golint's list).
var initialisms = map[string]bool{
	"ACL": true, "API": true, "ASCII": true, "CPU": true, "CSS": true, "DNS": true,
	"EOF": true, "GUID": true, "HTML": true, "HTTP": true, "HTTPS": true, "ID": true,
	"IP": true, "JSON": true, "LHS": true, "QPS": true, "RAM": true, "RHS": true,
	"RPC": true, "SLA": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "UUID": true,
	"URI": true, "URL": true, "UTF8": true, "VM": true, "XML": true, "XMPP": true,
	"XSRF": true, "XSS": true, "OK": true,
}

// reserved are the exported identifiers the generated package declares
// whatever the docs say; a code's constant or sentinel may not take them.
var reserved = map[string]bool{
	"Code": true, "Codes": true, "Lookup": true, "Error": true, "New": true,
	"CodeOf": true, "IsRetryable": true, "FromResponse": true,
	"ParseRetryAfter": true, "RetryAfter": true, "CheckRetry": true,
	"Backoff": true, "MaxBodyBytes": true, "MaxRetryAfter": true, "Sentinel": true, "Problem": true,
	"RetryPolicy": true, "DefaultMaxWait": true, "ErrorHandler": true,
	"Reason": true, "Reasons": true, "ReasonOf": true, "LookupReason": true,
	"NewReason": true, "ReasonSentinel": true, "MaxReasonLen": true,
}

// Reserved reports whether the generated package declares name itself, so
// that no code may take it.
func Reserved(name string) bool { return reserved[name] }

// NameFor turns a description into an exported Go identifier in CamelCase:
// "Rate Limit Exceeded" gives "RateLimitExceeded", "Invalid API key id" gives
// "InvalidAPIKeyID". Only ASCII letters and digits are kept; apostrophes
// vanish and every other character separates words. ok is false when no
// identifier can be made: nothing left, a leading digit, a reserved name, or
// more than MaxNameLen bytes.
func NameFor(description string) (name string, ok bool) {
	var b strings.Builder
	for _, w := range words(description) {
		upper := strings.ToUpper(w)
		switch {
		case initialisms[upper]:
			b.WriteString(upper)
		case w == upper && len(w) > 1:
			// SHOUTED WORDS read as words, not initialisms.
			b.WriteString(w[:1] + strings.ToLower(w[1:]))
		default:
			b.WriteString(strings.ToUpper(w[:1]) + w[1:])
		}
	}
	name = b.String()
	return name, ValidName(name)
}

// words splits s into runs of ASCII letters and digits, dropping apostrophes
// inside words ("Don't" is one word).
func words(s string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	for _, r := range s {
		switch {
		case r < unicode.MaxASCII && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			cur.WriteRune(r)
		case r == '\'' || r == '\u2019':
		default:
			flush()
		}
	}
	flush()
	return out
}

// MaxNameLen bounds a code's Go name: a longer one comes from a sentence,
// not a name, and reads badly in code.
const MaxNameLen = 64

// ValidName reports whether name can name a code: an exported ASCII Go
// identifier of at most MaxNameLen bytes, not one the package declares
// itself.
func ValidName(name string) bool {
	if name == "" || len(name) > MaxNameLen || name[0] < 'A' || name[0] > 'Z' || !token.IsIdentifier(name) || reserved[name] {
		return false
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}
