package reader

import (
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestHeaderWordsNormalForm checks that every header word is written the
// way headers are compared: a word in another form never matches, and
// nothing else would tell.
func TestHeaderWordsNormalForm(t *testing.T) {
	for _, row := range headerWords {
		for _, w := range row.words {
			want := strings.ToLower(strings.Join(strings.Fields(w), " "))
			want = strings.TrimRight(want, ":?：？")
			if w != want {
				t.Errorf("%s word %q is not in normal form; write %q", row.lang, w, want)
			}
			// Pages are NFC; a decomposed word would not match them.
			if !norm.NFC.IsNormalString(w) {
				t.Errorf("%s word %q is not NFC", row.lang, w)
			}
		}
	}
}

// TestHeaderWordsOnce checks that no word is listed twice for one role,
// whatever the language: a role looks words up across languages, so a
// second listing only blurs which preference holds.
func TestHeaderWordsOnce(t *testing.T) {
	seen := map[role]map[string]string{} // role -> word -> language
	for _, row := range headerWords {
		if seen[row.role] == nil {
			seen[row.role] = map[string]string{}
		}
		for _, w := range row.words {
			if lang, dup := seen[row.role][w]; dup {
				t.Errorf("role %d: %q is listed for %s and again for %s", row.role, w, lang, row.lang)
				continue
			}
			seen[row.role][w] = row.lang
		}
	}
}

// TestHeaderWordsRoles checks that every language row names a real role
// and that each language given has a word for every role, so that a table
// in that language can be read without a flag.
func TestHeaderWordsRoles(t *testing.T) {
	has := map[string]map[role]bool{}
	for _, row := range headerWords {
		if row.role <= roleNone || row.role > roleKey {
			t.Errorf("%s: role %d is no role", row.lang, row.role)
		}
		if len(row.words) == 0 {
			t.Errorf("%s role %d: no words", row.lang, row.role)
		}
		if has[row.lang] == nil {
			has[row.lang] = map[role]bool{}
		}
		has[row.lang][row.role] = true
	}
	for lang, roles := range has {
		for r := roleCode; r <= roleKey; r++ {
			if !roles[r] {
				t.Errorf("%s has no words for role %d", lang, r)
			}
		}
	}
}
