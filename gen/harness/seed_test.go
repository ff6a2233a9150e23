//go:build errtable_seed

package harness

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/errtable/errtable/errcodes"
	"github.com/errtable/errtable/errcodes/errcodestest"
)

// These tests pin the package generated from the MusicGPT seed docs
// (spec/musicgpt-error-codes.txt as first committed). They name its
// constants, so they build only against that package: the tests of package
// gen assemble it from testdata/golden/musicgpt-seed and run them there
// with -tags errtable_seed.

// TestSeedPackage checks the seed package against what the MusicGPT docs
// say: exactly eight codes, their texts, and 429 and 500 as the only
// retryable ones.
func TestSeedPackage(t *testing.T) {
	want := []struct {
		code        errcodes.Code
		status      int
		name, desc  string
		remedyStart string
		retryable   bool
	}{
		{errcodes.BadRequest, 400, "BadRequest", "Bad Request", "The request is malformed or contains invalid parameters.", false},
		{errcodes.PaymentRequired, 402, "PaymentRequired", "Payment Required", "Your account has insufficient funds", false},
		{errcodes.Forbidden, 403, "Forbidden", "Forbidden", "You do not have permission", false},
		{errcodes.NotFound, 404, "NotFound", "Not Found", "The resource you are trying to access does not exist.", false},
		{errcodes.Conflict, 409, "Conflict", "Conflict", "There is a conflict with the current state", false},
		{errcodes.UnprocessableEntity, 422, "UnprocessableEntity", "Unprocessable Entity", "The server understands the request", false},
		{errcodes.RateLimitExceeded, 429, "RateLimitExceeded", "Rate Limit Exceeded", "You have exceeded the allowed number of requests", true},
		{errcodes.InternalServerError, 500, "InternalServerError", "Internal Server Error", "An unexpected server error occurred.", true},
	}
	codes := errcodes.Codes()
	if len(codes) != len(want) {
		t.Fatalf("Codes() has %d codes, want %d: %v", len(codes), len(want), codes)
	}
	for i, w := range want {
		c := codes[i]
		if c != w.code || int(c) != w.status || c.String() != w.name || c.Description() != w.desc ||
			!strings.HasPrefix(c.Remedy(), w.remedyStart) || c.Retryable() != w.retryable || !c.Known() {
			t.Errorf("code %d: got %d %s %q %q retryable=%t known=%t", w.status, int(c), c, c.Description(), c.Remedy(), c.Retryable(), c.Known())
		}
	}
	if got := errcodes.InternalServerError.Remedy(); got != "An unexpected server error occurred. This is typically a temporary issue. Try again later or contact support if the problem persists." {
		t.Errorf("500 remedy = %q", got)
	}
	var retryable []int
	for s := 100; s <= 599; s++ {
		if c, ok := errcodes.Lookup(s); ok && c.Retryable() {
			retryable = append(retryable, s)
		}
	}
	if !slices.Equal(retryable, []int{429, 500}) {
		t.Errorf("documented retryable codes = %v, want [429 500]", retryable)
	}
}

// TestSeedErrors pins the seed package's errors: matching through wrapping,
// the message format, the retry decision, and undocumented statuses.
func TestSeedErrors(t *testing.T) {
	err := fmt.Errorf("generate song: %w", errcodes.New(errcodes.RateLimitExceeded, "slow down"))
	if !errors.Is(err, errcodes.ErrRateLimitExceeded) || errors.Is(err, errcodes.ErrNotFound) {
		t.Error("errors.Is does not see the code through wrapping")
	}
	if got, want := err.Error(), "generate song: musicgpt: 429 Rate Limit Exceeded: slow down"; got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
	if !errcodes.IsRetryable(err) || errcodes.IsRetryable(errcodes.ErrForbidden) {
		t.Error("IsRetryable disagrees with the docs")
	}
	for _, s := range []int{401, 418, 503, 200, 0} {
		if c, ok := errcodes.Lookup(s); ok {
			t.Errorf("Lookup(%d) = %v, true for an undocumented status", s, c)
		}
	}
}

// TestSeedFakeAPI drives the seed fake API with the seed client helpers:
// each documented code comes back as its own typed error.
func TestSeedFakeAPI(t *testing.T) {
	srv := errcodestest.NewServer(t, nil)
	for _, c := range errcodes.Codes() {
		resp, err := http.Get(fmt.Sprintf("%s/status/%d", srv.URL, int(c)))
		if err != nil {
			t.Fatal(err)
		}
		apiErr := errcodes.FromResponse(resp)
		resp.Body.Close()
		if !errors.Is(apiErr, &errcodes.Error{Code: c}) {
			t.Errorf("%v: FromResponse gave %v", c, apiErr)
		}
		wait, ok := errcodes.RetryAfter(apiErr)
		if ok != c.Retryable() || (ok && wait != errcodestest.RetryAfterSeconds*time.Second) {
			t.Errorf("%v: RetryAfter = %v, %t", c, wait, ok)
		}
		if want := fmt.Sprintf("musicgpt: %d %s: %s", int(c), c.Description(), c.Description()); apiErr.Error() != want {
			t.Errorf("Error() = %q, want %q", apiErr.Error(), want)
		}
	}
}
