package errcodes

import "strings"

// Problem is an RFC 9457 problem details object, the body a server sends as
// application/problem+json: its four standard string members. FromResponse
// cleans each one as it cleans Error.Message (valid UTF-8, no control
// characters, white space collapsed), replaces the request's credentials in
// it with "[REDACTED]" and cuts it to 1 KiB. A member the body left out, or
// gave as something other than a string, is "". In JSON it has the member
// names of RFC 9457.
type Problem struct {
	// Type is a URI reference naming the kind of problem; RFC 9457 reads
	// an absent one ("") as "about:blank", which says no more than the
	// status does.
	Type string `json:"type,omitempty"`
	// Title is a short summary of the kind of problem, the same for every
	// occurrence of it.
	Title string `json:"title,omitempty"`
	// Detail explains this occurrence of the problem.
	Detail string `json:"detail,omitempty"`
	// Instance is a URI reference naming this occurrence, for the API's
	// support or logs.
	Instance string `json:"instance,omitempty"`
}

// Media types FromResponse reads problem details from.
const (
	mediaProblemJSON = "application/problem+json"
	mediaJSON        = "application/json"
)

// mediaType returns a Content-Type's media type, without its parameters
// and surrounding white space, as sent: compare it case-insensitively.
// It allocates nothing, unlike mime.ParseMediaType.
func mediaType(contentType string) string {
	if i := strings.IndexByte(contentType, ';'); i >= 0 {
		contentType = contentType[:i]
	}
	return strings.TrimSpace(contentType)
}

// isProblem reports whether a JSON body, whose top-level members the
// scanner recorded in slots, is a problem details object:
//
//   - any JSON object sent as application/problem+json, whatever members
//     it has (RFC 9457 makes them all optional);
//   - an object sent as application/json (servers and frameworks often
//     send problem details with the plain JSON type) that has the members
//     RFC 9457 puts in every useful problem: a non-empty string "title", a
//     "status" that is an integer from 100 to 599 written as digits, and at
//     least one string "type", "detail" or "instance". A JSON error of
//     another shape that happens to use one of these names, as
//     {"type":"error","error":{...}} does, is not one.
//
// Member names are matched exactly, as RFC 9457 defines them, not
// case-insensitively as encoding/json matches struct fields.
func isProblem(contentType string, slots *[numTopSlots]jsonValue, body []byte) bool {
	switch media := mediaType(contentType); {
	case strings.EqualFold(media, mediaProblemJSON):
		return true
	case !strings.EqualFold(media, mediaJSON):
		return false
	}
	title := slots[slotProblemTitle]
	if title.kind != '"' || title.raw.end == title.raw.start {
		return false
	}
	if !isHTTPStatus(slots[slotProblemStatus], body) {
		return false
	}
	return slots[slotProblemType].kind == '"' || slots[slotProblemDetail].kind == '"' || slots[slotProblemInstance].kind == '"'
}

// isHTTPStatus reports whether v is a JSON number written as three digits,
// from 100 to 599.
func isHTTPStatus(v jsonValue, body []byte) bool {
	if v.kind != '0' || v.raw.end-v.raw.start != 3 {
		return false
	}
	n := body[v.raw.start:v.raw.end]
	return '1' <= n[0] && n[0] <= '5' && isDigit(n[1]) && isDigit(n[2])
}
