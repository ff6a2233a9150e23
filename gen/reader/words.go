package reader

// role is the part a column plays in an error table.
type role int

const (
	roleNone    role = iota
	roleCode         // the HTTP status
	roleName         // the short name of the error: the description
	roleRemedy       // what to do
	roleExplain      // why it happens, examples, notes: joined to the remedy, labelled
	roleRetry        // whether to retry
	roleOther        // says something else (content type, method, category): never a remedy
)

// headerWords lists, for each role and language, the header texts that
// name a column of that role, most preferred first. Headers are compared in
// lower case, after markup is stripped, white space collapsed and a
// trailing ":" or "?" (or their full-width forms) dropped. A text may name
// several roles ("description" is a name beside a remedy column and a
// remedy beside a name column); content decides between them. Add a
// language by adding its rows.
var headerWords = []struct {
	lang  string // BCP 47
	role  role
	words []string
}{
	{"en", roleCode, []string{
		"error code", "code", "status code", "http status code", "status", "http status",
		"http code", "response code", "http response code", "status codes", "http status codes", "codes",
		"http", "api code", "http error code", "error status",
	}},
	// "Description" comes last for the name: a table with Name and
	// Description columns names its codes in the first and explains them in
	// the second.
	{"en", roleName, []string{
		"meaning", "message", "name", "error message", "reason phrase", "status text", "title",
		"error name", "error", "summary", "short description", "description",
	}},
	{"en", roleRemedy, []string{
		"solution", "remedy", "action", "actions", "action(s)", "resolution", "what to do", "recommendation",
		"recommended action", "guidance", "follow up", "follow-up", "how to fix", "how to resolve",
		"how to handle", "next steps", "fix", "explanation", "description",
	}},
	{"en", roleExplain, []string{
		"reason", "cause", "causes", "possible cause", "possible causes", "common cause", "common causes",
		"details", "detail", "notes", "note", "example", "examples", "troubleshooting", "comments", "comment",
		"when", "when it happens", "why",
	}},
	{"en", roleRetry, []string{"retryable", "retriable", "retry", "should retry", "can retry", "safe to retry", "retry it"}},
	{"en", roleOther, []string{
		"content type", "content-type", "type", "method", "methods", "typical use", "category", "group",
		"class", "endpoint", "endpoints", "scope", "since", "version", "schema", "model", "format",
		"limit", "limits", "timeout", "count", "value", "default", "maximum", "minimum", "window", "size",
		"rate", "quota", "id", "field", "parameter", "operation", "path", "in", "required",
	}},
}
