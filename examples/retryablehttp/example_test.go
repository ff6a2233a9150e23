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

// Wiring errcodes' retry policy into a go-retryablehttp client.
func Example() {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		fmt.Fprint(w, "ok")
	}))
	defer srv.Close()

	client := retryablehttp.NewClient()
	client.Logger = nil
	client.CheckRetry = errcodes.CheckRetry // retry what the docs say is retryable
	client.Backoff = errcodes.Backoff       // honour Retry-After, never beyond RetryWaitMax
	client.RetryWaitMin, client.RetryWaitMax = 10*time.Millisecond, 50*time.Millisecond

	resp, err := client.Get(srv.URL)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer resp.Body.Close()
	if err := errcodes.FromResponse(resp); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(resp.StatusCode, "after", calls.Load(), "calls")
	// Output: 200 after 2 calls
}
