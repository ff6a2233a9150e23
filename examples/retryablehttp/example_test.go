package retryablehttp

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"

	"github.com/hashicorp/go-retryablehttp"

	"github.com/errtable/errtable/errcodes"
)

// Wiring errcodes into a go-retryablehttp client: its retry rule, its
// backoff with a limit on the server's wait, and its error handler. The
// server fails once, then asks for a wait longer than the policy allows:
// the client stops and hands the wait to the caller instead of retrying
// early into the same refusal.
func Example() {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Retry-After", "30")
		w.WriteHeader(http.StatusTooManyRequests)
		fmt.Fprint(w, `{"error":{"message":"slow down"}}`)
	}))
	defer srv.Close()

	policy := errcodes.RetryPolicy{MaxWait: 5 * time.Second} // sleep through at most 5s a server asks for
	client := retryablehttp.NewClient()
	client.Logger = nil
	client.CheckRetry = policy.CheckRetry       // retry what the docs say is retryable, unless the server asks too long a wait
	client.Backoff = policy.Backoff             // honour Retry-After up to MaxWait; else exponential, never beyond RetryWaitMax
	client.ErrorHandler = errcodes.ErrorHandler // the API's error, not just "giving up", when the retries end
	client.RetryWaitMin, client.RetryWaitMax = 10*time.Millisecond, 50*time.Millisecond

	resp, err := client.Get(srv.URL)
	if err != nil {
		code, _ := errcodes.CodeOf(err)
		wait, _ := errcodes.RetryAfter(err)
		// %d: the number, which a docs change cannot rename.
		fmt.Printf("%d after %d calls; retry in %v\n", code, calls.Load(), wait)
		return
	}
	defer resp.Body.Close()
	if err := errcodes.FromResponse(resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode)
	// Output: 429 after 2 calls; retry in 30s
}
