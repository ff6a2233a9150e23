package reader

// headingStatus returns the one HTTP error status a heading names
// ("Authentication errors (401)", "### 429", "429 - Too Many Requests",
// "HTTP 402: Payment Required"), or 0 when it names none or several ("400
// and 404"); several reports the latter. A status is a run of exactly three
// digits from 400 to 599 with no other digit beside it and no '.' or ','
// joining it to one, so that "v1.429", "4,290", "14290" and "2024" name no
// status; "200 OK" names no error status.
func headingStatus(h string) (status int, several bool) {
	for i := 0; i < len(h); {
		if !isDigit(h[i]) {
			i++
			continue
		}
		j := i
		for j < len(h) && isDigit(h[j]) {
			j++
		}
		joinedBefore := i > 1 && (h[i-1] == '.' || h[i-1] == ',') && isDigit(h[i-2])
		joinedAfter := j+1 < len(h) && (h[j] == '.' || h[j] == ',') && isDigit(h[j+1])
		if j-i == 3 && !joinedBefore && !joinedAfter {
			n := int(h[i]-'0')*100 + int(h[i+1]-'0')*10 + int(h[i+2]-'0')
			if n >= 400 && n <= 599 {
				if status != 0 && status != n {
					return 0, true
				}
				status = n
			}
		}
		i = j
	}
	return status, false
}

// sectionStatus returns the status named by the nearest of titles (nearest
// first: captions, then the headings from the innermost out) that names
// one, or 0. A nearer title that names several statuses ends the search:
// the table is under a heading that lists them all, and no outer heading
// says which.
func sectionStatus(titles []string) int {
	for _, h := range titles {
		status, several := headingStatus(h)
		if status != 0 || several {
			return status
		}
	}
	return 0
}
