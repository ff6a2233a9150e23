package reader

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/errtable/errtable/spec"
)

// checkDocs refuses input that is no docs page and returns the text to parse.
func checkDocs(path string, src []byte) ([]byte, error) {

	switch {
	case len(src) > MaxPageSize:
		return nil, fmt.Errorf("%s:1: the file is %d bytes, more than the %d a docs page can be; check -docs", path, len(src), MaxPageSize)
	case len(bytes.TrimSpace(bytes.TrimPrefix(src, []byte("\uFEFF")))) == 0:
		return nil, fmt.Errorf("%s:1: the file is empty; point -docs at the page with the error table", path)
	case bytes.IndexByte(src, 0) >= 0:
		return nil, fmt.Errorf("%s:%d: the file holds a NUL byte, so it is not a text page; point -docs at the Markdown of the docs", path, bytes.Count(src[:bytes.IndexByte(src, 0)], []byte("\n"))+1)
	case !utf8.Valid(src):
		return nil, fmt.Errorf("%s:%d: the file is not valid UTF-8; save the page as UTF-8", path, invalidUTF8Line(src))
	}
	src = crToLF(bytes.TrimPrefix(src, []byte("\uFEFF")))
	if err := checkShape(path, src); err != nil {
		return nil, err
	}
	return src, nil
}

// crToLF turns the lone CRs of old Mac line endings into LFs, byte for
// byte, so that offsets and line numbers stay right; CRLF stays as it is.
func crToLF(src []byte) []byte {
	if bytes.IndexByte(src, '\r') < 0 {
		return src
	}
	out := bytes.Clone(src)
	for i, b := range out {
		if b == '\r' && (i+1 == len(out) || out[i+1] != '\n') {
			out[i] = '\n'
		}
	}
	return out
}

// invalidUTF8Line returns the line of the first invalid UTF-8 sequence.
func invalidUTF8Line(src []byte) int {
	line := 1
	for len(src) > 0 {
		r, size := utf8.DecodeRune(src)
		if r == utf8.RuneError && size == 1 {
			return line
		}
		if r == '\n' {
			line++
		}
		src = src[size:]
	}
	return line
}

// joinInts joins numbers with sep.
func joinInts(ns []int, sep string) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, sep)
}

// hiddenLines returns the lines of src that hold characters a reader cannot
// see (spec.HiddenRune: bidi controls, zero-width and tag characters,
// invisible fillers), and those characters, at most five, as U+XXXX.
//
// Hidden runes are all past ASCII, so ASCII bytes, nearly all of a page,
// are stepped over without decoding.
func hiddenLines(src []byte) (lines []int, runes []string) {
	line := 1
	for i := 0; i < len(src); {
		// Hidden runes are past ASCII: the ASCII up to the next such
		// byte only counts lines.
		j := indexNonASCII(src[i:])
		if j < 0 {
			break
		}
		line += bytes.Count(src[i:i+j], newline)
		i += j
		r, size := utf8.DecodeRune(src[i:])
		i += size
		if r == '\uFFFD' || !spec.HiddenRune(r) {
			continue // invalid UTF-8 is refused before; U+FFFD is mojibake's
		}
		if len(lines) == 0 || lines[len(lines)-1] != line {
			lines = append(lines, line)
		}
		if u := fmt.Sprintf("%U", r); len(runes) < 5 && !slices.Contains(runes, u) {
			runes = append(runes, u)
		}
	}
	return lines, runes
}

// firstRowLine returns the first line that reads as a table row, with two
// or more unescaped pipes, or 0: for the message when no table is found.
func firstRowLine(src []byte) int {
	for line, rest := 1, src; len(rest) > 0; line++ {
		l := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			l, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		if countPipes(l) >= 2 {
			return line
		}
	}
	return 0
}
