package reader

import (
	"cmp"
	"slices"
)

// maxSectionDepth bounds the headings a table's sections hold: Markdown has
// six levels, setext headings two of them.
const maxSectionDepth = 6

// sectionsOf returns, for each table of p (by index), the headings it
// stands under, innermost first: the last heading of each level above its
// header line, each outer one of a lower level than the one inside it. A
// "## 401 Unauthorized" section holding "### Codes" and then a table gives
// the table both, so the status of the outer one reaches it.
func sectionsOf(p *page) [][]string {
	order := make([]int, len(p.tables))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(p.tables[a].line, p.tables[b].line) })
	out := make([][]string, len(p.tables))
	var stack [maxSectionDepth + 1]string // by level; "" where none is open
	h := 0
	for _, i := range order {
		for ; h < len(p.headings) && p.headings[h].line < p.tables[i].line; h++ {
			level := min(max(p.headings[h].level, 1), maxSectionDepth)
			stack[level] = p.headings[h].text
			for l := level + 1; l <= maxSectionDepth; l++ {
				stack[l] = ""
			}
		}
		for l := maxSectionDepth; l >= 1; l-- {
			if stack[l] != "" {
				out[i] = append(out[i], stack[l])
			}
		}
	}
	return out
}
