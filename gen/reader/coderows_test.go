package reader

import (
	"strconv"
	"strings"
	"testing"
)

// TestStringKeyedTables reads small pages and checks which tables give
// string codes, and the code, status and retry decision of each.
func TestStringKeyedTables(t *testing.T) {
	const statuses = "| Status | Description |\n|---|---|\n| 400 | Bad Request |\n| 429 | Too Many Requests |\n\n"
	tests := []struct {
		name, page string
		want       []string // "code status retryable from"
		wantErr    string
	}{
		{"code and status columns", "| Code | Status | Description |\n|---|---|---|\n| invalid_request | 400 | Bad input. |\n| rate_limited | 429 | Slow down. |\n| invalid_key | 400 | Bad key. |\n",
			[]string{"invalid_request 400 false rule", "rate_limited 429 true rule", "invalid_key 400 false rule"}, ""},
		{"status from the heading", statuses + "## Rate limits (429)\n\n| Error type | Meaning |\n|---|---|\n| `requests_per_minute` | Too many requests. |\n| `tokens_per_day` | Token quota exceeded; retrying will not help. |\n",
			[]string{"requests_per_minute 429 true rule", "tokens_per_day 429 false remedy"}, ""},
		{"no status", statuses + "## Codes\n\n| Code | Description |\n|---|---|\n| card_declined | The card was declined. |\n| expired_card | Expired. |\n",
			[]string{"card_declined 0 false rule", "expired_card 0 false rule"}, ""},
		{"a retry column, placeholders", "| Error | Status | Retry |\n|---|---|---|\n| RATE_LIMITED | 429 | Yes |\n| QUOTA_EXCEEDED | 429 | - |\n| BAD_INPUT | 400 | No |\n| UNKNOWN | — | N/A |\n",
			[]string{"RATE_LIMITED 429 true docs", "QUOTA_EXCEEDED 429 false exhausted", "BAD_INPUT 400 false docs", "UNKNOWN 0 false rule"}, ""},
		{"catch-all rows", "| Error Type | Status Code | Content Type |\n|---|---|---|\n| errors.BadRequest | 400 | application/json |\n| errors.APIError | 4XX, 5XX | */* |\n| default | default | */* |\n",
			[]string{"errors.BadRequest 400 false rule"}, ""},
		{"repeats read once", "| Error Type | Status Code |\n|---|---|\n| errors.NotFound | 404 |\n| errors.Gone | 410 |\n\n| Error Type | Status Code |\n|---|---|\n| errors.NotFound | 404 |\n",
			[]string{"errors.NotFound 404 false rule", "errors.Gone 410 false rule"}, ""},
		{"conflicting statuses", "| Error Type | Status Code |\n|---|---|\n| errors.Conflict | 409 |\n| errors.Gone | 410 |\n\n| Error Type | Status Code |\n|---|---|\n| errors.Conflict | 412 |\n",
			nil, "docs.md:8: code errors.Conflict has status 412 here and 409 at docs.md:3"},
		{"a field table is no code table", statuses + "| Field | Type | Description |\n|---|---|---|\n| error_code | string | The code. |\n| request_id | string | The id. |\n",
			nil, ""},
		{"an event table is no code table", statuses + "| Event | Description |\n|---|---|\n| invoice.paid | Paid. |\n| invoice.voided | Voided. |\n",
			nil, ""},
		{"identifiers without a code header, status or heading", statuses + "| Name | Description |\n|---|---|\n| user_id | The user. |\n| org_id | The org. |\n",
			nil, ""},
		{"a repeated type column stays a status table", "| Status | Name | Type |\n|---|---|---|\n| 400 | Bad Request | invalid_request_error |\n| 404 | Not Found | invalid_request_error |\n| 500 | Server Error | api_error |\n",
			nil, ""},
		{"names of words stay a status table", "| Status | Name |\n|---|---|\n| 400 | BadRequest |\n| 404 | NotFound |\n",
			nil, ""},
		{"lower-case words under a code header", "| Code | Message |\n|---|---|\n| maintenance | Down for maintenance. |\n",
			[]string{"maintenance 0 false rule"}, ""},
		{"lower-case words under a name header", "| Name | Description |\n|---|---|\n| maintenance | Down for maintenance. |\n",
			nil, "no table has a column of HTTP statuses"},
		{"PascalCase under a code header", "| Error Code | HTTP Status | Description |\n|---|---|---|\n| InvalidParameterValue | 400 | A parameter is invalid. |\n| ThrottlingException | 429 | Slow down. |\n",
			[]string{"InvalidParameterValue 400 false rule", "ThrottlingException 429 true rule"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Read("docs.md", []byte(tt.page), Options{}, func(string) {})
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, e := range c.Codes {
				got = append(got, strings.Join([]string{e.Code, strconv.Itoa(e.Status), strconv.FormatBool(e.Retryable), e.RetryableFrom}, " "))
			}
			if tt.want == nil {
				tt.want = []string{}
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("codes:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
		})
	}
}

// TestExplainCodes checks that -explain reports a string-keyed table, its
// columns, the codes and where the body carries them.
func TestExplainCodes(t *testing.T) {
	page := "```json\n{\"error\": {\"code\": \"rate_limited\"}}\n```\n\n## 429\n\n| Code | Message | Retry |\n|---|---|---|\n| rate_limited | Slow down. | yes |\n| default | Any other error. | |\n"
	c, err := Read("docs.md", []byte(page), Options{}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := c.Explain(&b, "docs.md"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"read as string codes: adds 1 code",
		`column 1 "Code": string code: its cells are identifiers; status 429 from the heading above`,
		`column 3 "Retry": retry: its header says so`,
		`1 string code, carried in the body at "error.code" (a JSON example, line 2)`,
		`"rate_limited", status 429 (line 9): "Slow down.", retryable, from docs`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain lacks %q:\n%s", want, b.String())
		}
	}
}

// TestCodeTableColumnFlags checks that -code-col, -desc-col and
// -remedy-col apply to string-keyed tables as to tables of statuses: the
// columns they name take their parts, and a table without a named column,
// or whose named column is its key, is no string-keyed table.
func TestCodeTableColumnFlags(t *testing.T) {
	const page = "| Code | Status | Summary | Detail | Fix |\n|---|---|---|---|---|\n| invalid_request | 400 | Bad input | The body is not valid JSON. | Send valid JSON. |\n| rate_limited | 429 | Slow down | Too many requests this minute. | Wait a minute. |\n"
	// Lower-case words under a name header are no codes, unless
	// -code-col says they are.
	const nameKey = "| Name | Message |\n|---|---|\n| maintenance | Down for maintenance. |\n| overloaded | Try again later. |\n"
	tests := []struct {
		name string
		page string
		opts Options
		want string // "code: description / remedy" of the first code; "" when no code table is read
	}{
		{"by content", page, Options{}, "invalid_request: Bad input / Send valid JSON. Detail: The body is not valid JSON."},
		{"-desc-col", page, Options{DescCol: "Detail"}, "invalid_request: The body is not valid JSON. / Send valid JSON."},
		{"-remedy-col", page, Options{RemedyCol: "Detail"}, "invalid_request: Bad input / The body is not valid JSON. Fix: Send valid JSON."},
		{"both", page, Options{DescCol: "fix", RemedyCol: "summary"}, "invalid_request: Send valid JSON. / Bad input. Detail: The body is not valid JSON."},
		{"-desc-col names no column", page, Options{DescCol: "Message"}, ""},
		{"-desc-col names the key", page, Options{DescCol: "Code"}, ""},
		{"-code-col names another table's column", page, Options{CodeCol: "Error"}, ""},
		{"words under a name header", nameKey, Options{}, ""},
		{"-code-col names them the key", nameKey, Options{CodeCol: "name"}, "maintenance: Down for maintenance. / "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Read("docs.md", []byte(tt.page), tt.opts, func(string) {})
			got := ""
			if err == nil && len(c.Codes) > 0 {
				e := c.Codes[0]
				got = e.Code + ": " + e.Description + " / " + e.Remedy
			}
			if got != tt.want {
				t.Errorf("read %q (err %v), want %q", got, err, tt.want)
			}
		})
	}
}

// TestExplainCodeTableFlags checks that -explain says which columns of a
// string-keyed table the flags chose.
func TestExplainCodeTableFlags(t *testing.T) {
	page := "| Name | Status | Message | Hint |\n|---|---|---|---|\n| maintenance | 503 | Down for maintenance. | Wait. |\n"
	c, err := Read("docs.md", []byte(page), Options{CodeCol: "Name", DescCol: "Hint", RemedyCol: "Message"}, func(string) {})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	if err := c.Explain(&b, "docs.md"); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`column 1 "Name": string code, as -code-col says: its cells are identifiers`,
		`column 3 "Message": remedy, as -remedy-col says`,
		`column 4 "Hint": description, as -desc-col says`,
	} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("explain lacks %q:\n%s", want, b.String())
		}
	}
}
