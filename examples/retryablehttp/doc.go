// Package retryablehttp shows, and tests, errcodes wired into
// github.com/hashicorp/go-retryablehttp. It is a module of its own so that
// the main module does not depend on go-retryablehttp: errcodes.CheckRetry
// and errcodes.Backoff have exactly the signatures of its CheckRetry and
// Backoff types, so they plug in without errcodes importing it.
package retryablehttp
