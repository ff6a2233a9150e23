package reader

import "testing"

func TestHeadingStatus(t *testing.T) {
	tests := []struct {
		heading string
		want    int
		several bool
	}{
		{"Authentication errors (401)", 401, false},
		{"429", 429, false},
		{"429 - Too Many Requests", 429, false},
		{"HTTP 402: Payment Required", 402, false},
		{"401 Unauthorized", 401, false},
		{"Errors for 404 and 404 again", 404, false},
		{"400 and 404", 0, true},
		{"400, 401 or 403", 0, true},
		{"Decline codes", 0, false},
		{"API v1.429 changes", 0, false},
		{"4,290 requests", 0, false},
		{"Error 14290", 0, false},
		{"Changes in 2024", 0, false},
		{"200 OK", 0, false},
		{"Top 100 errors (429)", 429, false},
		{"4XX errors", 0, false},
		{"", 0, false},
		{"5xx (503)", 503, false},
		{"錯誤 (503)", 503, false},
	}
	for _, tt := range tests {
		got, several := headingStatus(tt.heading)
		if got != tt.want || several != tt.several {
			t.Errorf("headingStatus(%q) = %d, %t; want %d, %t", tt.heading, got, several, tt.want, tt.several)
		}
	}
}

func TestSectionStatus(t *testing.T) {
	tests := []struct {
		titles []string
		want   int
	}{
		{[]string{"Codes", "401 Unauthorized", "Errors"}, 401},
		{[]string{"Rate limits (429)", "500 errors"}, 429},
		{[]string{"400 and 404", "Errors (500)"}, 0},
		{[]string{"Errors"}, 0},
		{nil, 0},
	}
	for _, tt := range tests {
		if got := sectionStatus(tt.titles); got != tt.want {
			t.Errorf("sectionStatus(%q) = %d, want %d", tt.titles, got, tt.want)
		}
	}
}

// FuzzHeadingStatus checks that any heading gives no status or one error
// status that its text holds as three digits, and never panics.
func FuzzHeadingStatus(f *testing.F) {
	for _, s := range []string{"Authentication errors (401)", "### 429", "400 and 404", "v1.429", "4,290", "429429", "x 599 y 600"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, h string) {
		n, several := headingStatus(h)
		if several && n != 0 || n != 0 && (n < 400 || n > 599) {
			t.Fatalf("headingStatus(%q) = %d, %t", h, n, several)
		}
	})
}
