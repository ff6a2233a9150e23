package reader

// maxHeaderKey is the longest header normalASCIIHeader lower-cases on the
// stack: header words are a few words long.
const maxHeaderKey = 64

// normalASCIIHeader appends normalizeHeader(h) to dst, which has room for
// maxHeaderKey bytes, when h is ASCII and fits; ok is false otherwise.
// headerRank asks it for every header of every table many times, and
// looking the bytes up in a map as a string does not copy them, where
// normalizeHeader makes three strings.
func normalASCIIHeader(dst []byte, h string) (key []byte, ok bool) {
	if len(h) > maxHeaderKey {
		return nil, false
	}
	for i := 0; i < len(h); i++ {
		c := h[i]
		switch {
		case c >= 0x80:
			return nil, false // Unicode white space and full-width marks: normalizeHeader's
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			// strings.Fields' ASCII white space: runs become one space,
			// none at the start.
			if len(dst) > 0 && dst[len(dst)-1] != ' ' {
				dst = append(dst, ' ')
			}
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	// Fields and Join leave no space at the end; then the colons and
	// question marks go, then the spaces they exposed.
	for len(dst) > 0 && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	for len(dst) > 0 && (dst[len(dst)-1] == ':' || dst[len(dst)-1] == '?') {
		dst = dst[:len(dst)-1]
	}
	for len(dst) > 0 && dst[len(dst)-1] == ' ' {
		dst = dst[:len(dst)-1]
	}
	return dst, true
}
