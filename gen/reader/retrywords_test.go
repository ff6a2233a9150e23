package reader

import "testing"

func TestRemedyRetry(t *testing.T) {
	const (
		yes = iota
		no
		none
	)
	tests := []struct {
		remedy string
		want   int
	}{
		{"Retry after a brief wait.", yes},
		{"Retry your request after a short wait.", yes},
		{"Retry with exponential backoff.", yes},
		{"Wait a moment, then retry.", yes},
		{"Please try again later.", yes},
		{"Back off and retry.", yes},
		{"Retry after the time in the Retry-After header.", yes},
		{"Retry in 30 seconds.", yes},
		{"The error is transient, so retry the request.", yes},
		{"It is safe to retry this request.", yes},
		{"The request can be retried.", yes},
		{"This error is retryable.", yes},
		{"Do not retry immediately; wait for the window to reset.", yes},
		{"Don't retry without backoff.", yes},
		{"Do not retry in a tight loop.", yes},
		{"Do not retry.", no},
		{"Don't retry: fix the request first.", no},
		{"Don’t retry this request.", no},
		{"Retrying will not help; add credits to the account.", no},
		{"Retrying won't help until the key is rotated.", no},
		{"Retrying the same request will never succeed.", no},
		{"This error is not retryable.", no},
		{"Such requests should not be retried.", no},
		{"A non-retryable error.", no},
		{"Fix the body rather than retrying.", no},
		{"Never retry a declined card.", no},
		{"There is no point retrying.", no},
		{"Upgrade your plan; retrying is pointless.", no},
		{"Check the API key.", none},
		{"Fix the body and retry.", none},
		{"Correct the parameter, then retry the request.", none},
		{"Retry with the same idempotency key.", none},
		{"Retry.", none},
		{"", none},
		{"Retry after a short wait. Do not retry more than three times.", none},
		{"The retry_after field tells when the quota resets.", none},
		{"Contact support.", none},
		{"Reduce the request rate.", none},
		{"Retrieve the object again later.", none},
	}
	for _, tt := range tests {
		v, ok := remedyRetry(tt.remedy)
		got := none
		switch {
		case ok && v:
			got = yes
		case ok:
			got = no
		}
		if got != tt.want {
			t.Errorf("remedyRetry(%q) = %t, %t; want %v", tt.remedy, v, ok, []string{"yes", "no", "none"}[tt.want])
		}
	}
}
