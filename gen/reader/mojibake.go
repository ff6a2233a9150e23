package reader

import (
	"bytes"
	"unicode"
	"unicode/utf8"
)

// mojibakeLines returns the lines of src that look like UTF-8 text decoded
// with the wrong code page and encoded again: the scrape is damaged there.
// It looks for the replacement character, C1 controls, the Latin-1 pairs
// that UTF-8 lead bytes turn into ("â€", "Ã©") and isolated Thai letters
// in Latin text (what Windows-874 makes of emoji and curly quotes).
//
// Only a line with a byte past ASCII can look so: the scan skips ASCII
// bytes and reads, without copying the page, only the lines that hold
// other bytes (on the pages gen reads, few or none).
func mojibakeLines(src []byte) []int {
	var out []int
	line, start := 1, 0 // the current line and its first byte
	for i := 0; i < len(src); {
		// An ASCII line reads as it should: the ASCII up to the next byte
		// past it only counts lines and moves the line's start.
		j := indexNonASCII(src[i:])
		if j < 0 {
			break
		}
		skipped := src[i : i+j]
		line += bytes.Count(skipped, newline)
		if k := bytes.LastIndexByte(skipped, '\n'); k >= 0 {
			start = i + k + 1
		}
		i += j
		end := len(src)
		if j := bytes.IndexByte(src[i:], '\n'); j >= 0 {
			end = i + j
		}
		if looksMisdecoded(string(src[start:end])) {
			out = append(out, line)
		}
		i = end // on to the line's end, which the next turn counts
	}
	return out
}

func looksMisdecoded(line string) bool {
	var latin, thai int
	var prev rune
	for _, r := range line {
		switch {
		case r == utf8.RuneError || (r >= 0x80 && r <= 0x9f):
			return true
		case (prev == 'â' || prev == 'Ã' || prev == 'Â') && (r == '€' || r == '™' || r == '„' || (r >= 0xa0 && r <= 0xbf)):
			return true
		case unicode.Is(unicode.Thai, r):
			thai++
		case r < utf8.RuneSelf && unicode.IsLetter(r):
			latin++
		}
		prev = r
	}
	// Thai prose is mostly Thai letters; a few among many Latin ones are
	// the remains of emoji and punctuation.
	return thai > 0 && latin >= 4*thai
}
