package reader

import (
	"strings"
	"testing"
)

// catchAllReference is catchAll before mayHoldClass: every cell split at
// its list separators and each part matched against classRE.
func catchAllReference(s string) bool {
	s = strings.TrimSpace(unwrapCode(cleanMarkup(s)))
	if s == "" {
		return false
	}
	for _, part := range listSepRE.Split(s, -1) {
		if classRE.MatchString(strings.TrimSpace(part)) {
			return true
		}
	}
	return false
}

// catchAllInputs are cells catchAll must read as its reference does:
// classes, ranges and "default" in lists, cases and markup, and the
// names and sentences that hold none.
var catchAllInputs = []string{
	"", " ", "4XX", "5xx", "4xx, 5xx", "4XX or 5XX", "`default`", "DEFAULT", "Default response", "defaul", "xdefaultx",
	"500-599", "500 - 599", "500 – 599", "500—599", "500\t-\t599", "500\v-599", "400 -", "42x", "41X", "6xx", "0xx",
	"**4XX**", "*5XX*", "_default_", "4XX / 5XX", "404 & 4XX", "404 and 5xx", "429", "Invalid Token",
	"Check the `field_12` of the request and send it again.", "Retry with exponential backoff; if it persists, contact support.",
	"4\u00a0-599", "4 x", "4xx🙂", "4<b>xx</b>", "4*xx*", "x4", "dEfAuLt", "d", "123x", "9-", "Ｄefault",
}

// checkCatchAll compares catchAll with its reference on s.
func checkCatchAll(t *testing.T, s string) {
	t.Helper()
	if got, want := catchAll(s), catchAllReference(s); got != want {
		t.Errorf("catchAll(%q) = %v, want %v", s, got, want)
	}
}

func TestCatchAllMatchesReference(t *testing.T) {
	for _, s := range append(catchAllInputs, fastPathInputs...) {
		checkCatchAll(t, s)
	}
}

// FuzzCatchAll compares catchAll, with its mayHoldClass shortcut, with
// its reference.
func FuzzCatchAll(f *testing.F) {
	for _, s := range catchAllInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCatchAll(t, s)
	})
}
