package reader

import "encoding/binary"

// newline is the line end the page scanners count.
var newline = []byte("\n")

// indexNonASCII returns the index of the first byte of b past ASCII, or
// -1. It tests eight bytes at a time: the scanners of a whole page
// (hiddenLines, mojibakeLines) skip its ASCII with it, as most pages are
// ASCII nearly throughout.
func indexNonASCII(b []byte) int {
	i := 0
	for ; i+8 <= len(b); i += 8 {
		if binary.LittleEndian.Uint64(b[i:])&0x8080808080808080 != 0 {
			break
		}
	}
	for ; i < len(b); i++ {
		if b[i] >= 0x80 {
			return i
		}
	}
	return -1
}
