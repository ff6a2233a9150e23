package reader

import "bytes"

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets of line starts

func newLineIndex(src []byte) lineIndex {
	// Sized once, and each line end found by IndexByte's word-wide
	// search: a page of 10,000 rows has as many lines.
	idx := make(lineIndex, 1, bytes.Count(src, []byte("\n"))+1)
	for off := 0; ; {
		i := bytes.IndexByte(src[off:], '\n')
		if i < 0 {
			return idx
		}
		off += i + 1
		idx = append(idx, off)
	}
}

// of returns the line of offset off; 0 when off is unknown (negative).
func (idx lineIndex) of(off int) int {
	if off < 0 {
		return 0
	}
	lo, hi := 0, len(idx)
	for lo+1 < hi {
		mid := (lo + hi) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1
}

// next is of(off) for an offset at or after the start of line, a line
// of(off) gave before: the rows of a table are read in order, most on
// the line after the last, so it looks there before it searches.
func (idx lineIndex) next(line, off int) int {
	if line < 1 || off < 0 || line > len(idx) || off < idx[line-1] {
		return idx.of(off)
	}
	for l := line; l < line+2; l++ {
		if l == len(idx) || off < idx[l] {
			return l
		}
	}
	return idx.of(off)
}

// restOfLine returns the source line holding offset off from off on,
// without its line end.
func restOfLine(src []byte, off int) []byte {
	if off < 0 || off > len(src) {
		return nil
	}
	end := len(src)
	if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
		end = off + i
	}
	return bytes.TrimSuffix(src[off:end], []byte("\r"))
}
