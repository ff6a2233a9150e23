package harness

import (
	"errors"
	"net/http/httptest"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/errtable/errtable/errcodes"
	"github.com/errtable/errtable/errcodes/errcodestest"
)

// TestReasonsMatchSpec checks every string code of the spec against the
// package: its constant and sentinel (deprecated when removed, and each
// alias), texts, status, retry decision, lookup and text round trip; and
// that Reasons() holds exactly the spec's codes, sorted.
func TestReasonsMatchSpec(t *testing.T) {
	f := readSpec(t)
	docs := constDocs(t, env("ERRTABLE_PKG", filepath.Join("..", "..", "errcodes")))
	var want []errcodes.Reason
	for _, c := range f.Codes {
		want = append(want, errcodes.Reason(c.Code))
		t.Run(c.Code, func(t *testing.T) {
			r := errcodes.Reason(c.Code)
			checks := []struct {
				what      string
				got, want any
			}{
				{"String()", r.String(), c.Code},
				{"Name()", r.Name(), c.Name},
				{"Known()", r.Known(), true},
				{"Description()", r.Description(), c.Description},
				{"Remedy()", r.Remedy(), c.Remedy},
				{"Status()", r.Status(), errcodes.Code(c.Status)},
				{"Retryable()", r.Retryable(), c.Retryable},
			}
			for _, ch := range checks {
				if ch.got != ch.want {
					t.Errorf("Reason(%q).%s = %#v, want %#v", c.Code, ch.what, ch.got, ch.want)
				}
			}
			if got, ok := errcodes.LookupReason(c.Code); !ok || got != r {
				t.Errorf("LookupReason(%q) = %q, %t", c.Code, got, ok)
			}
			var back errcodes.Reason
			if err := back.UnmarshalText([]byte(c.Code)); err != nil || back != r {
				t.Errorf("UnmarshalText(%q) = %q, %v", c.Code, back, err)
			}
			err := errcodes.NewReason(r, "")
			if !errors.Is(err, errcodes.ReasonSentinel(r)) || errcodes.IsRetryable(err) != c.Retryable {
				t.Errorf("NewReason(%q): errors.Is %t, IsRetryable %t", c.Code, errors.Is(err, errcodes.ReasonSentinel(r)), errcodes.IsRetryable(err))
			}
			for _, n := range []string{c.Name, "Err" + c.Name} {
				doc, ok := docs[n]
				if !ok {
					t.Errorf("%s is not a constant of the package", n)
				} else if c.Removed != strings.Contains(doc, "Deprecated: ") {
					t.Errorf("%s: removed %t, but its doc is %q", n, c.Removed, doc)
				}
			}
			for _, a := range c.Aliases {
				for _, n := range []string{a, "Err" + a} {
					if doc, ok := docs[n]; !ok || !strings.Contains(doc, "Deprecated: ") {
						t.Errorf("alias %s is not a deprecated constant of the package", n)
					}
				}
			}
		})
	}
	slices.Sort(want)
	if got := errcodes.Reasons(); !slices.Equal(got, want) {
		t.Errorf("Reasons() = %q, want %q", got, want)
	}
	if r := errcodes.Reason("surely_not_documented_code"); r.Known() || r.Retryable() || r.Status() != 0 {
		t.Errorf("an undocumented reason is Known %t, Retryable %t, Status %d", r.Known(), r.Retryable(), r.Status())
	}
}

// TestFakeAPIReasons checks that the fake API answers every string code of
// the spec so that the package reads it back with its retry decision, and
// an undocumented one with the fake's status for it.
func TestFakeAPIReasons(t *testing.T) {
	f := readSpec(t)
	codes := append(slices.Clone(f.Codes), specCode{Code: "surely_not_documented_code"})
	for _, c := range codes {
		rec := httptest.NewRecorder()
		errcodestest.WriteReason(rec, c.Code)
		resp := rec.Result()
		err := errcodes.FromResponse(resp)
		want := errcodes.Reason(c.Code)
		status := c.Status
		if status == 0 {
			status = errcodestest.UnknownReasonStatus
		}
		// Without documented codes the package reads no reason.
		if len(f.Codes) == 0 {
			want = ""
		}
		if r, _ := errcodes.ReasonOf(err); r != want || resp.StatusCode != status {
			t.Errorf("%s: reason %q status %d; want %q %d", c.Code, r, resp.StatusCode, want, status)
		}
		if c.Name != "" && errcodes.IsRetryable(err) != c.Retryable {
			t.Errorf("%s: IsRetryable %t, want %t", c.Code, errcodes.IsRetryable(err), c.Retryable)
		}
	}
}
