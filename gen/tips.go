package main

import (
	"slices"

	"github.com/errtable/errtable/spec"
)

// attachTips gives each entry the passages of prose that name its code
// ("If you encounter a 429 error, ..."), in page order. Codes the docs no
// longer list keep the tips they had.
// Template tags of docs engines ({% hint %}, ReadMe's [block:callout]) are
// dropped from the text.
func attachTips(f *spec.File, passages []passage) {
	for _, p := range passages {
		text := cleanText(templateTagRE.ReplaceAllString(p.text, " "))
		for _, code := range codesIn(text) {
			if e, ok := f.Lookup(code); ok && !e.Removed && !slices.Contains(e.Tips, text) {
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
