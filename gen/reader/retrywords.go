package reader

import (
	"regexp"
	"strings"
)

// What a remedy says of retrying, in English: a string code's retry
// decision when the docs give no retry column (FromRemedy). The reading is
// conservative, since a wrong "retryable" costs a client a retry storm and a
// wrong "not retryable" a lost request: a sentence decides only when it says
// so plainly, and a remedy whose sentences disagree decides nothing.
var (
	// retryDontRE says not to retry ("Do not retry", "don't retry",
	// "never retry"), unless retryNotYetRE follows; retryNoRE says so in
	// other words ("retrying will not help", "is not retryable", "rather
	// than retrying").
	retryDontRE = regexp.MustCompile(`\b(?:do not|don't|dont|never|should not|shouldn't|must not|mustn't|cannot|can't|can not|no need to|avoid|stop)\s+(?:re-?try(?:ing)?|try(?:ing)? again)\b`)
	retryNoRE   = regexp.MustCompile(`\bnot\s+(?:be\s+)?(?:re-?tried|retryable|retriable)\b|\bnon-?retr[yi]able\b` +
		`|\b(?:instead of|rather than|without)\s+re-?trying\b` +
		`|\bre-?tr(?:y|ying|ies)\b[^.;!?]{0,40}?\b(?:will not|won't|would not|wouldn't|does not|doesn't|do not|don't|cannot|can't|will never|never)\s+(?:help|succeed|work|fix|resolve|change)` +
		`|\bre-?tr(?:y|ying|ies)\b[^.;!?]{0,40}?\b(?:is|are) (?:pointless|useless|futile)` +
		`|\bno point (?:in )?re-?trying\b`)
	// retryNotYetRE, right after a "do not retry" (retryDontRE), makes it advice on how
	// to retry: "do not retry immediately", "don't retry without backoff".
	retryNotYetRE = regexp.MustCompile(`^\s*(?:the request\s+|it\s+)?(?:immediately|right away|at once|straight away|too (?:soon|quickly|often|fast)|until|before|in a (?:tight )?loop|without (?:waiting|a delay|a pause|delay|backoff|back-?off|backing off))`)
	// retryYesRE says a retry can succeed: "retry after a brief wait",
	// "retry with exponential backoff", "safe to retry", "try again later".
	retryYesRE = regexp.MustCompile(`\b(?:safe to|can safely|may safely)\s+re-?try\b` +
		`|\b(?:is|are)\s+(?:safely\s+)?retr[yi]able\b` +
		`|\b(?:can|may|should)\s+(?:safely\s+)?be\s+re-?tried\b`)
	// retryWordRE finds a retry in a sentence, and retryWaitRE the wait
	// that makes it a retry of the same request rather than a new request
	// after a fix ("fix the body and retry" decides nothing).
	retryWordRE = regexp.MustCompile(`\bre-?tr(?:y|ying|ies)\b|\btry(?:ing)? again\b|\bresend\b|\bresubmit\b`)
	retryWaitRE = regexp.MustCompile(`\bwait(?:ing|s)?\b|\blater\b|\bback-?off\b|\bback(?:ing)? off\b|\bdelay\b|\bretry-after\b|\bmoment\b|\bshortly\b|\bexponential(?:ly)?\b|\bafter (?:a|an|some|the) (?:brief|short|few|while|pause|moment|minute|second|delay|cool-?down|interval)|\bafter \d+|\bin (?:a few|\d+) (?:seconds?|minutes?|s|ms)\b|\btransient\b|\btemporar(?:y|ily)\b`)
)

// remedyRetry reads what a remedy says of retrying: ok is false when it
// says nothing plain, or says both.
func remedyRetry(remedy string) (retryable, ok bool) {
	var yes, no bool
	for _, s := range sentences(strings.ToLower(strings.ReplaceAll(remedy, "’", "'"))) {
		sy, sn := sentenceRetry(s)
		yes, no = yes || sy, no || sn
	}
	if yes == no {
		return false, false
	}
	return yes, true
}

// sentenceRetry reads one lower-case sentence: whether it says a retry can
// succeed, and whether it says not to retry.
func sentenceRetry(s string) (yes, no bool) {
	for _, m := range retryDontRE.FindAllStringIndex(s, -1) {
		if retryNotYetRE.MatchString(s[m[1]:]) {
			yes = true // "do not retry immediately": retry, but later
		} else {
			no = true
		}
	}
	no = no || retryNoRE.MatchString(s)
	if no {
		return yes, no
	}
	if retryYesRE.MatchString(s) || retryWordRE.MatchString(s) && retryWaitRE.MatchString(s) {
		yes = true
	}
	return yes, no
}

// maxRemedySentences bounds the sentences of a remedy read for its retry
// words; a remedy is at most spec.MaxRemedyLen bytes anyway.
const maxRemedySentences = 64

// sentences splits text at sentence ends and semicolons.
func sentences(text string) []string {
	out := strings.FieldsFunc(text, func(r rune) bool {
		switch r {
		case '.', ';', '!', '?', '\n', '。', '；':
			return true
		}
		return false
	})
	if len(out) > maxRemedySentences {
		out = out[:maxRemedySentences]
	}
	return out
}
