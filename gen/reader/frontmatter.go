package reader

import (
	"bytes"
	"strings"
)

// maxFrontMatterLines bounds the search for the end of front matter.
const maxFrontMatterLines = 200

// frontMatter returns the end of the YAML front matter that docs engines
// (Jekyll, Hugo, Docusaurus, Mintlify) put at the top of a page, between
// two "---" lines, and its title, if any. goldmark knows no front matter:
// it would read the first "---" as a rule and the lines under it as a
// heading ("title: Errors"), so the reader skips the blocks that start
// inside it, and takes its title as the page's first heading. Without
// front matter, end is 0.
func frontMatter(src []byte) (end int, title string) {
	if !bytes.HasPrefix(src, []byte("---\n")) && !bytes.HasPrefix(src, []byte("---\r\n")) {
		return 0, ""
	}
	off := bytes.IndexByte(src, '\n') + 1
	for n := 0; n < maxFrontMatterLines && off < len(src); n++ {
		next := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			next = off + i + 1
		}
		line := strings.TrimRight(string(src[off:next]), "\r\n")
		switch {
		case line == "---" || line == "...":
			return next, title
		case strings.HasPrefix(line, "title:") && title == "":
			title = cleanText(strings.Trim(strings.TrimSpace(strings.TrimPrefix(line, "title:")), `"'`))
		}
		off = next
	}
	return 0, ""
}
