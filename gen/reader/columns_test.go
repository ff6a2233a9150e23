package reader

import (
	"fmt"
	"strings"
	"testing"
)

// TestAssignRoles pins which column plays which part, by header words and
// by content, and why a table is not taken.
func TestAssignRoles(t *testing.T) {
	tests := []struct {
		name string
		md   string
		opts Options
		// want names the header of each role's column ("#N" for the
		// empty header of column N); "" for none.
		code, desc, remedy, retry string
		explain                   []string
		why                       string // when the table is not taken
	}{
		{
			name: "header words",
			md:   "| Code | Name | Solution |\n|---|---|---|\n| 400 | Bad Request | Fix the body. |\n| 404 | Not Found | Check the id. |\n",
			code: "Code", desc: "Name", remedy: "Solution",
		},
		{
			name: "code column by content, whatever its header",
			md:   "| HTTP | Label | Hint |\n|---|---|---|\n| 410 | Gone away | Stop asking. |\n| 429 | Slow down | Wait a second. |\n",
			code: "HTTP", desc: "Label", remedy: "Hint",
		},
		{
			name: "an empty header over statuses",
			md:   "|  |  |  |\n|---|---|---|\n| 400 | Bad Request | The body is wrong. |\n| 404 | Not Found | The id is unknown. |\n",
			code: "#1", desc: "#2", remedy: "#3", // empty headers are named by position
		},
		{
			name: "sub-codes never win over statuses",
			md:   "| Code | HTTP | Message |\n|---|---|---|\n| 1 | 400 | Bad frame |\n| 2 | 401 | Unknown device |\n| 10 | 429 | Slow down |\n",
			code: "HTTP", desc: "Message",
		},
		{
			name: "short names under Description beat sentences under Meaning",
			md:   "| Status | Meaning | Description |\n|---|---|---|\n| 400 | The request could not be understood by the server. | Bad Request |\n| 404 | Nothing exists at the given path. | Not Found |\n",
			code: "Status", desc: "Description", remedy: "Meaning",
		},
		{
			name: "explanation columns join the remedy",
			md:   "| Code | Error | Solution | Cause | Notes |\n|---|---|---|---|---|\n| 400 | Bad Request | Fix it. | A field is wrong. | Rare. |\n| 500 | Server Error | Retry. | A bug. | |\n",
			code: "Code", desc: "Error", remedy: "Solution", explain: []string{"Cause", "Notes"},
		},
		{
			name: "content type, method and typical use never become the remedy",
			md:   "| Status | Title | Content Type | Method | Typical Use |\n|---|---|---|---|---|\n| 400 | Bad Request | application/json | POST | Validation |\n| 404 | Not Found | application/json | GET | Lookup |\n",
			code: "Status", desc: "Title",
		},
		{
			name: "a retry column of yes and no",
			md:   "| Status | Retry? | Guidance |\n|---|---|---|\n| 429 | Yes | Wait. |\n| 400 | No | Fix the request first. |\n",
			code: "Status", retry: "Retry?", remedy: "Guidance",
		},
		{
			name: "header words in Chinese",
			md:   "| 错误码 | 说明 | 解决方案 |\n|---|---|---|\n| 400 | 请求参数错误 | 检查请求参数。 |\n| 500 | 服务内部错误 | 请稍后重试。 |\n",
			code: "错误码", desc: "说明", remedy: "解决方案",
		},
		{
			name: "a field table is no error table",
			md:   "| Field | Type | Description |\n|---|---|---|\n| code | integer | The HTTP status, e.g. 404. |\n",
			why:  "no column of HTTP statuses",
		},
		{
			name: "limits that look like statuses",
			md:   "| Endpoint | Limit | Window |\n|---|---|---|\n| /upload | 100 | 60 s |\n| /search | 429 | 60 s |\n",
			why:  "no column of HTTP statuses",
		},
		{
			name: "classes only",
			md:   "| Code | Meaning |\n|---|---|\n| 4xx | Your fault |\n| 5xx | Our fault |\n",
			why:  "its code column holds no error status (400 to 599)",
		},
		{
			name: "statuses and nothing to say about them",
			md:   "| Code | Count |\n|---|---|\n| 400 | 12 |\n| 500 | 3 |\n",
			why:  "no column of names or remedies beside the statuses",
		},
		{
			name: "ports look like statuses, but the header says otherwise",
			md:   "| Port | Service |\n|---|---|\n| 443 | HTTPS API |\n| 465 | SMTP |\n| 587 | Submission |\n",
			why:  "no column of HTTP statuses",
		},
		{
			name: "a column of yes and no decides retry only under a retry header",
			md:   "| Code | Name | Billed |\n|---|---|---|\n| 400 | Bad Request | Yes |\n| 429 | Too Many Requests | No |\n",
			code: "Code", desc: "Name",
		},
		{
			name: "an example column never names the errors",
			md:   "| Status | Example | Fix |\n|---|---|---|\n| 400 | {\"a\":} | Send valid JSON. |\n| 404 | /users/42 | Check the id. |\n",
			code: "Status", remedy: "Fix", explain: []string{"Example"},
		},
		{
			name: "-desc-col overrides the header words",
			md:   "| Code | Name | Text |\n|---|---|---|\n| 400 | Bad | The request is bad. |\n",
			opts: Options{DescCol: "Text"},
			code: "Code", desc: "Text",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := parsePage([]byte(tt.md))
			if len(p.tables) != 1 {
				t.Fatalf("%d tables", len(p.tables))
			}
			tb := &p.tables[0]
			cols, why, err := assignRoles(tb, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if why != tt.why {
				t.Fatalf("why = %q, want %q", why, tt.why)
			}
			if why != "" {
				return
			}
			header := func(i int) string {
				switch {
				case i < 0:
					return "-"
				case tb.header[i] == "":
					return fmt.Sprintf("#%d", i+1)
				}
				return tb.header[i]
			}
			want := func(h string) string {
				if h == "" {
					return "-"
				}
				return h
			}
			for _, r := range []struct {
				role      string
				got, want string
			}{
				{"code", header(cols.code), want(tt.code)},
				{"name", header(cols.desc), want(tt.desc)},
				{"remedy", header(cols.remedy), want(tt.remedy)},
				{"retry", header(cols.retry), want(tt.retry)},
			} {
				if r.got != r.want {
					t.Errorf("%s column = %q, want %q (why: %s)", r.role, r.got, r.want, strings.Join(cols.why, "; "))
				}
			}
			var explain []string
			for _, i := range cols.explain {
				explain = append(explain, tb.header[i])
			}
			if strings.Join(explain, ",") != strings.Join(tt.explain, ",") {
				t.Errorf("explain columns = %q, want %q", explain, tt.explain)
			}
		})
	}
}

// TestAssignRolesFlagClash refuses flags that give one column two roles.
func TestAssignRolesFlagClash(t *testing.T) {
	p := parsePage([]byte("| Code | Description |\n|---|---|\n| 400 | Bad |\n"))
	_, _, err := assignRoles(&p.tables[0], Options{DescCol: "Code"})
	if err == nil || !strings.Contains(err.Error(), `column "Code" would be both the code and the description column`) {
		t.Fatalf("err = %v", err)
	}
}

// TestParseYesNo pins the retry cells read, in several languages.
func TestParseYesNo(t *testing.T) {
	tests := []struct {
		in        string
		value, ok bool
	}{
		{"Yes", true, true}, {"no", false, true}, {"✓", true, true}, {"—", false, true},
		{"Yes, after Retry-After", true, true}, {"No (poll instead)", false, true},
		{"Ja", true, true}, {"Nein", false, true}, {"Sí", true, true}, {"Não", false, true},
		{"可", true, true}, {"不可", false, true}, {"はい", true, true}, {"아니요", false, true},
		{"No Content", false, false}, {"Maybe", false, false}, {"", false, false},
		{"Retry: no", false, true}, {"Retry (no, fix first)", false, true}, {"Retry", true, true},
		{"Retry: maybe", false, false},
	}
	for _, tt := range tests {
		v, ok := parseYesNo(tt.in)
		if v != tt.value || ok != tt.ok {
			t.Errorf("parseYesNo(%q) = %v, %v; want %v, %v", tt.in, v, ok, tt.value, tt.ok)
		}
	}
}

// TestLeadIn pins which lead-ins name an error.
func TestLeadIn(t *testing.T) {
	tests := []struct{ in, name, rest string }{
		{"Bad Request: A field is missing.", "Bad Request", "A field is missing."},
		{"Note: the resource is archived.", "", "Note: the resource is archived."},
		{"Example: /users/42 does not exist.", "", "Example: /users/42 does not exist."},
		{"The request body, as sent: not JSON.", "", "The request body, as sent: not JSON."},
		{"No lead-in here.", "", "No lead-in here."},
	}
	for _, tt := range tests {
		if name, rest := leadIn(tt.in); name != tt.name || rest != tt.rest {
			t.Errorf("leadIn(%q) = %q, %q; want %q, %q", tt.in, name, rest, tt.name, tt.rest)
		}
	}
}
