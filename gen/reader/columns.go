package reader

import "strings"

// roles says which column of a table plays which part; -1 where none does.
type roles struct {
	code, desc, remedy, retry int
}

// Header words for each role, most preferred first. Headers are compared in
// lower case, after markup is stripped, white space collapsed and a
// trailing ":" or "?" dropped. "Description" comes last for the name: a
// table with Name and Description columns names its codes in the first and
// explains them in the second.
var (
	codeHeaders = []string{
		"error code", "code", "status code", "http status code", "status", "http status",
		"http code", "response code", "http response code", "status codes", "http status codes", "codes",
	}
	descHeaders = []string{
		"meaning", "message", "name", "error message", "reason", "status text", "title",
		"error name", "error", "summary", "short description", "description",
	}
	remedyHeaders = []string{
		"solution", "remedy", "action", "actions", "action(s)", "resolution", "what to do", "recommendation",
		"recommended action", "guidance", "follow up", "follow-up", "how to fix", "how to resolve",
		"how to handle", "next steps", "troubleshooting", "fix", "explanation", "cause", "possible cause",
		"description", "details", "detail", "notes",
	}
	retryHeaders = []string{"retryable", "retriable", "retry", "should retry", "can retry", "safe to retry", "retry it"}
)

// columnsOf assigns roles to the columns of a header by its words alone:
// the code column first, then the name, the remedy and the retry flag, each
// taking its most preferred header among the columns still free.
func columnsOf(header []string) roles {
	taken := map[int]bool{}
	pick := func(words []string) int {
		for _, want := range words {
			for i, h := range header {
				if !taken[i] && normalizeHeader(h) == want {
					taken[i] = true
					return i
				}
			}
		}
		return -1
	}
	r := roles{code: pick(codeHeaders)}
	r.desc = pick(descHeaders)
	r.remedy = pick(remedyHeaders)
	r.retry = pick(retryHeaders)
	return r
}

// codeColumns lists the columns whose header names a code column, in order
// of preference.
func codeColumns(header []string) []int {
	var out []int
	for _, want := range codeHeaders {
		for i, h := range header {
			if normalizeHeader(h) == want {
				out = append(out, i)
			}
		}
	}
	return out
}

// normalizeHeader puts a header cell in the form the word lists use.
func normalizeHeader(h string) string {
	h = strings.ToLower(strings.Join(strings.Fields(h), " "))
	h = strings.TrimRight(h, ":?")
	return strings.TrimSpace(h)
}

// findColumn returns the column whose header is name (compared as headers
// are), or -1.
func findColumn(header []string, name string) int {
	want := normalizeHeader(name)
	for i, h := range header {
		if normalizeHeader(h) == want {
			return i
		}
	}
	return -1
}
