package reader

import (
	"fmt"
	"slices"

	"github.com/errtable/errtable/spec"
)

// Bounds on tips, so that what a page makes gen write stays linear in the
// page: a tip is a sentence or two about one code or a few.
const (
	maxTipBytes     = spec.MaxTipLen // a longer passage is an article, not a tip
	maxCodesPerTip  = 5              // a passage naming more codes is an overview
	maxTipsPerEntry = spec.MaxTips   // past these, a code's doc comment stops growing
)

// AttachTips gives each entry the passages of prose that name its code
// ("If you encounter a 429 error, ..."), in page order. Codes the docs no
// longer list keep the tips they had. Template tags of docs engines
// ({% hint %}, ReadMe's [block:callout]) are dropped from the text.
// Passages beyond the bounds above are left out, with a warning.
func AttachTips(f *spec.File, docsPath string, passages []Passage, warn func(string)) {
	for _, p := range passages {
		text := cleanText(dropTemplateTags(p.Text))
		var codes []int
		for _, code := range codesIn(text) {
			if e, ok := f.Lookup(code); ok && !e.Removed && !slices.Contains(codes, code) {
				codes = append(codes, code)
			}
		}
		switch {
		case len(codes) == 0:
			continue
		case len(text) > maxTipBytes:
			warn(fmt.Sprintf("%s:%d: the passage naming code %d is %d bytes, more than the %d of a tip; not attached", docsPath, p.Line, codes[0], len(text), maxTipBytes))
			continue
		case len(codes) > maxCodesPerTip:
			warn(fmt.Sprintf("%s:%d: the passage names %d codes, more than the %d of a tip; not attached", docsPath, p.Line, len(codes), maxCodesPerTip))
			continue
		}
		for _, code := range codes {
			e, _ := f.Lookup(code)
			switch {
			case slices.Contains(e.Tips, text):
			case len(e.Tips) == maxTipsPerEntry:
				warn(fmt.Sprintf("%s:%d: code %d has %d tips already; this one is not attached", docsPath, p.Line, code, maxTipsPerEntry))
			default:
				e.Tips = append(e.Tips, text)
			}
		}
	}
}

// codesIn returns the three-digit numbers from 100 to 599 that stand alone
// in s: not part of a longer number, a word or a decimal ("1.429", "v400").
func codesIn(s string) []int {
	var out []int
	for i := 0; i+3 <= len(s); i++ {
		if !isDigit(s[i]) || (i > 0 && (isWordByte(s[i-1]) || s[i-1] == '.' && i > 1 && isDigit(s[i-2]))) {
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 3 && (j == len(s) || !isWordByte(s[j]) && !(s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]))) {
			if n, ok := parseCode(s[i:j]); ok {
				out = append(out, n)
			}
		}
		i = j
	}
	return out
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }
func isWordByte(b byte) bool {
	return isDigit(b) || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z' || b == '_'
}
