package main

import "strings"

// column is the role a table column plays in an error table.
type column int

const (
	colCode   column = iota // the HTTP status
	colDesc                 // the short name of the error
	colRemedy               // what a client should do about it
	numColumns
)

// headerWords lists, for each role, the header texts that name it, most
// preferred first. Headers are compared in lower case, after markup is
// stripped and a trailing ":" or "?" dropped.
var headerWords = [numColumns][]string{
	colCode:   {"code", "error code", "status code", "http status code", "status", "http status", "http code", "response code"},
	colDesc:   {"description", "meaning", "message", "name", "error message", "reason", "status text", "error"},
	colRemedy: {"what to do", "solution", "action", "actions", "resolution", "recommendation", "guidance", "follow up", "how to fix", "explanation", "cause"},
}

// columnsOf finds the column of each role in a header; -1 where none fits.
// A column takes one role at most, and each role its most preferred header.
func columnsOf(header []string) [numColumns]int {
	var cols [numColumns]int
	taken := map[int]bool{}
	for role := range numColumns {
		cols[role] = -1
	best:
		for _, want := range headerWords[role] {
			for i, h := range header {
				if !taken[i] && normalizeHeader(h) == want {
					cols[role] = i
					taken[i] = true
					break best
				}
			}
		}
	}
	return cols
}

func normalizeHeader(h string) string {
	h = strings.ToLower(strings.TrimSpace(h))
	h = strings.TrimRight(h, ":?")
	return strings.TrimSpace(h)
}
