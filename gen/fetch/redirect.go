package fetch

import (
	"fmt"
	"net/http"
	"strings"
)

// redirectError is a redirect Get refused.
type redirectError struct {
	chain  []string // every URL requested, then the refused target
	reason string
}

func (e *redirectError) Error() string {
	return fmt.Sprintf("%s: %s", e.reason, strings.Join(e.chain, " -> "))
}

// checkRedirect is the client's redirect policy: at most MaxRedirects, to
// http or https URLs without credentials only, and never from https back to
// http.
func checkRedirect(req *http.Request, via []*http.Request) error {
	chain := make([]string, 0, len(via)+1)
	seen := make(map[string]bool, len(via))
	loop := false
	for _, r := range via {
		s := r.URL.Redacted()
		loop = loop || seen[s]
		seen[s] = true
		chain = append(chain, s)
	}
	target := req.URL.Redacted()
	loop = loop || seen[target]
	chain = append(chain, target)

	switch {
	case req.URL.Scheme != "http" && req.URL.Scheme != "https":
		return &redirectError{chain, fmt.Sprintf("refused a redirect to a %s URL; only http and https are fetched", req.URL.Scheme)}
	case req.URL.Scheme == "http" && via[len(via)-1].URL.Scheme == "https":
		return &redirectError{chain, "refused a redirect from https to plain http"}
	case req.URL.User != nil:
		return &redirectError{chain, "refused a redirect to a URL holding credentials, which would end up in the spec"}
	case len(via) > MaxRedirects && loop:
		return &redirectError{chain, fmt.Sprintf("stopped after %d redirects, in a loop", MaxRedirects)}
	case len(via) > MaxRedirects:
		return &redirectError{chain, fmt.Sprintf("stopped after %d redirects; fetch the last URL instead", MaxRedirects)}
	}
	return nil
}
