package fetch

import (
	"reflect"
	"strings"
	"testing"
)

// pages builds pages from title, path pairs under https://docs.example.com.
func pages(titlePaths ...string) []Page {
	var ps []Page
	for i := 0; i+1 < len(titlePaths); i += 2 {
		ps = append(ps, Page{Title: titlePaths[i], URL: "https://docs.example.com" + titlePaths[i+1], Line: i/2 + 1})
	}
	return ps
}

func titles(ps []Page) []string {
	var ts []string
	for _, p := range ps {
		ts = append(ts, p.Title)
	}
	return ts
}

func TestRank(t *testing.T) {
	tests := []struct {
		title, path string
		want        int
	}{
		{"Error codes", "/a", errorCodes},
		{"Error Codes", "/a", errorCodes},
		{"API error codes", "/a", errorCodes},
		{"Inference Error Codes", "/a", errorCodes},
		{"ErrorCodes", "/a", errorCodes},
		{"Error code reference", "/a", errorCodes},
		{"Errors", "/a", errorsTitle},
		{"API errors", "/a", errorsTitle},
		{"Error reference", "/a", errorsTitle},
		{"The errors", "/a", errorsTitle},
		{"Status codes", "/a", errorsTitle},
		{"HTTP status codes", "/a", errorsTitle},
		{"Response codes", "/a", errorsTitle},
		{"Handling errors", "/a", errorsWord},
		{"Error handling", "/a", errorsWord},
		{"Webhook errors", "/a", errorsWord},
		{"Status codes and retries", "/a", errorsWord},
		{"", "/api/errors.md", errorsURL},
		{"Reference", "/api/error-codes", errorsURL},
		{"Rate limits", "/guides/rate-limits.md", notErrors},
		{"Terrors of the deep", "/a", notErrors},
		{"Introduction", "/errors/introduction.md", notErrors}, // a folder of errors is not one page
	}
	for _, tt := range tests {
		if got := rank(Page{Title: tt.title, URL: "https://docs.example.com" + tt.path}); got != tt.want {
			t.Errorf("rank(%q, %q) = %d, want %d", tt.title, tt.path, got, tt.want)
		}
	}
}

func TestErrorPages(t *testing.T) {
	tests := []struct {
		name string
		in   []Page
		want []string
	}{
		{"none", pages("Quickstart", "/q", "Rate limits", "/rl"), nil},
		{"realistic", ParseIndex(readIndex(t), docsBase), []string{"Error codes", "Handling errors", ""}},
		{"best first, stable", pages("Error handling", "/eh", "", "/errors", "Errors", "/api/errors", "Error codes", "/ec", "Webhook errors", "/we"),
			[]string{"Error codes", "Errors", "Error handling", "Webhook errors", ""}},
		{"one document, best link kept", pages("Error handling", "/api#handling", "Error codes", "/api#codes", "Errors", "/api"),
			[]string{"Error codes"}},
	}
	for _, tt := range tests {
		if got := titles(ErrorPages(tt.in)); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: got %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestChoose(t *testing.T) {
	index := ParseIndex(readIndex(t), docsBase)
	several := pages("Errors", "/api/errors.md", "Guides", "/g", "Error codes", "/api/error-codes.md", "Error Codes", "/webhooks/error-codes.md")
	several[2].Section = "API"
	tests := []struct {
		name  string
		pages []Page
		pick  string
		want  string // the URL chosen, or the error
	}{
		{"zero", pages("Quickstart", "/q", "Rate limits", "/rl"), "",
			"none of the index's 2 pages says by its title or URL that it is about errors; choose one by title or URL"},
		{"one", pages("Quickstart", "/q", "Errors", "/errors.md"), "", "https://docs.example.com/errors.md"},
		{"best of several", index, "", "https://docs.example.com/api/error-codes.md"},
		{"several equally", several, "",
			"2 pages of the index are equally about errors; choose one by title or URL:" +
				"\n\tError codes [API]: https://docs.example.com/api/error-codes.md" +
				"\n\tError Codes: https://docs.example.com/webhooks/error-codes.md"},
		{"pick by URL", several, "https://docs.example.com/webhooks/error-codes.md", "https://docs.example.com/webhooks/error-codes.md"},
		{"pick by title part", index, "HANDLING", "https://docs.example.com/guides/handling-errors.md"},
		{"pick a page not about errors", index, "rate lim", "https://docs.example.com/guides/rate-limits.md"},
		{"pick exact title among matches", several, "errors", "https://docs.example.com/api/errors.md"},
		{"pick ambiguous", several, "error codes",
			`2 pages of the index match "error codes"; choose one by a longer part of its title, or its URL:` +
				"\n\tError codes [API]: https://docs.example.com/api/error-codes.md" +
				"\n\tError Codes: https://docs.example.com/webhooks/error-codes.md"},
		{"pick matches the same document twice", pages("Errors: list", "/e#list", "Errors: retry", "/e#retry"), "errors:",
			"https://docs.example.com/e#list"},
		{"pick nothing", index, "billing",
			`no page of the index has "billing" in its title or as its URL; these are about errors:` +
				"\n\tError codes [API reference]: https://docs.example.com/api/error-codes.md" +
				"\n\tHandling errors [Guides]: https://docs.example.com/guides/handling-errors.md" +
				"\n\t(untitled) [API reference]: https://docs.example.com/api/errors-legacy.md"},
		{"pick nothing, no error pages", pages("Quickstart", "/q"), "billing",
			`no page of the index has "billing" in its title or as its URL`},
		{"empty index", nil, "", "none of the index's 0 pages says by its title or URL that it is about errors; choose one by title or URL"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Choose(tt.pages, tt.pick)
			got := p.URL
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

func TestChooseListsAtMost20(t *testing.T) {
	var ps []Page
	for range 25 {
		ps = append(ps, pages("Errors", "/e"+strings.Repeat("x", len(ps)))...)
	}
	_, err := Choose(ps, "")
	if err == nil || strings.Count(err.Error(), "\n") != 21 || !strings.HasSuffix(err.Error(), "\n\t... and 5 more") {
		t.Errorf("error %v", err)
	}
}
