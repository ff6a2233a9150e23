package main

import (
	"cmp"
	"fmt"
	"net/http"
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/errtable/errtable/spec"
)

// defaultCodeField is where a response body carries the string code when
// the spec does not say: {"error": {"code": "..."}}, the shape of OpenAI's,
// Anthropic's (as error.type), Google's and many more APIs' errors.
const defaultCodeField = "error.code"

// codeField returns the spec's code_field, or defaultCodeField.
func codeField(f *spec.File) string {
	if f.CodeField != "" {
		return f.CodeField
	}
	return defaultCodeField
}

// sortedCodes returns the spec's string codes sorted by their wire string,
// the order of Reasons().
func sortedCodes(f *spec.File) []spec.CodeEntry {
	codes := slices.Clone(f.Codes)
	slices.SortStableFunc(codes, func(a, b spec.CodeEntry) int { return cmp.Compare(a.Code, b.Code) })
	return codes
}

// reasonsPackageDoc is the paragraph the package doc gains when the docs
// list string codes.
const reasonsPackageDoc = "Each documented string error code is a Reason constant, with its status, description, remedy and retry decision, and a constant ReasonSentinel for errors.Is; FromResponse reads the code from the body into Error.Reason, and a code the docs do not list is a Reason too, that is not Known."

// emitReasons adds to codes.go what depends on the docs' string codes: the
// Reason constants and sentinels, and the methods of Reason the runtime
// (reason.go, reasonbody.go) calls. A spec without codes still gets every
// method, answering as for an unknown reason, so the runtime compiles; it
// gets no empty const blocks.
func emitReasons(g *jen.File, f *spec.File) {
	codes := sortedCodes(f)

	fileComment(g, "reasonField is where the API's error responses carry the string code: a dotted path of JSON object keys, from the spec's code_field.")
	g.Const().Id("reasonField").Op("=").Lit(codeField(f))
	fileComment(g, "hasReasons reports whether the docs list string codes: without them, no response body is read for one.")
	g.Const().Id("hasReasons").Op("=").Lit(len(codes) > 0)

	var consts, sentinels []jen.Code
	for _, c := range codes {
		paragraphs := []string{fmt.Sprintf("%s is the string code %s%s.", c.Name, strconv.Quote(c.Code), statusDoc(f, c.Status))}
		if c.Description != "" && c.Description != c.Code {
			paragraphs = append(paragraphs, c.Description)
		}
		if c.Remedy != "" {
			paragraphs = append(paragraphs, "What to do: "+c.Remedy)
		}
		paragraphs = append(paragraphs, codeRetryDoc(c))
		sentinelDoc := []string{fmt.Sprintf("Err%s matches, with errors.Is, every *Error of reason %s (%s).", c.Name, c.Name, strconv.Quote(c.Code))}
		if c.Removed {
			paragraphs = append(paragraphs, deprecatedRemoved)
			sentinelDoc = append(sentinelDoc, deprecatedRemoved)
		}
		consts = append(consts, docComment(paragraphs...).Id(c.Name).Id("Reason").Op("=").Lit(c.Code))
		sentinels = append(sentinels, docComment(sentinelDoc...).
			Id("Err"+c.Name).Op("=").Id("ReasonSentinel").Call(jen.Id(c.Name)))
		for _, alias := range c.Aliases {
			consts = append(consts, docComment(
				fmt.Sprintf("%s is an earlier name of %s (%s).", alias, c.Name, strconv.Quote(c.Code)), fmt.Sprintf(deprecatedAlias, c.Name),
			).Id(alias).Op("=").Id(c.Name))
			sentinels = append(sentinels, docComment(
				fmt.Sprintf("Err%s is an earlier name of Err%s.", alias, c.Name), fmt.Sprintf(deprecatedAlias, "Err"+c.Name),
			).Id("Err"+alias).Op("=").Id("Err"+c.Name))
		}
	}
	if len(codes) > 0 {
		g.Comment("// The documented string error codes.")
		g.Const().Defs(consts...)
		g.Comment("// Reason sentinels, one per documented string code: constants, so that")
		g.Comment("// no importer can change what they match.")
		g.Const().Defs(sentinels...)
	}

	reasonSwitch(g, "name returns the Go name of a documented reason, and \"\" for any other.",
		"name", jen.String(), codes, func(c spec.CodeEntry) jen.Code { return jen.Lit(c.Name) }, jen.Lit(""))
	reasonSwitch(g, "Description returns the docs' text for r, and \"\" for a reason the docs do not list.",
		"Description", jen.String(), codes, func(c spec.CodeEntry) jen.Code { return jen.Lit(c.Description) }, jen.Lit(""))
	reasonSwitch(g, "Remedy returns the docs' advice on what to do about r, and \"\" for a reason the docs do not list.",
		"Remedy", jen.String(), codes, func(c spec.CodeEntry) jen.Code { return jen.Lit(c.Remedy) }, jen.Lit(""))
	var withStatus []spec.CodeEntry
	for _, c := range codes {
		if c.Status != 0 {
			withStatus = append(withStatus, c)
		}
	}
	reasonSwitch(g, "Status returns the status the docs say the API answers with when it sends r, and 0 when they give none or do not list r.",
		"Status", jen.Id("Code"), withStatus, func(c spec.CodeEntry) jen.Code { return statusExpr(f, c.Status) }, jen.Lit(0))

	var retryable, all []jen.Code
	for _, c := range codes {
		all = append(all, jen.Id(c.Name))
		if c.Retryable {
			retryable = append(retryable, jen.Id(c.Name))
		}
	}
	fileComment(g, "Retryable reports whether a request that failed with r may be sent again, as the spec decides for a documented reason (see each constant). It is false for a reason the docs do not list: Error.Retryable then follows the status.")
	g.Func().Params(jen.Id("r").Id("Reason")).Id("Retryable").Params().Bool().Block(boolSwitch(retryable)...)
	fileComment(g, "Known reports whether r is a string code of the spec: one the docs list, or listed once and kept, deprecated.")
	g.Func().Params(jen.Id("r").Id("Reason")).Id("Known").Params().Bool().Block(boolSwitch(all)...)

	// knownReason lets the runtime's body scanner name a Known reason from
	// the bytes it found without making a string of them: Go converts
	// nothing for a switch on string(b), and each case returns a constant.
	fileComment(g, "knownReason returns the Known reason whose wire string is b, and \"\" for any other, without allocating: a switch on string(b) converts nothing, and the reason returned is a constant, not b.")
	var known []jen.Code
	for _, c := range codes {
		known = append(known, jen.Case(jen.Lit(c.Code)).Block(jen.Return(jen.Id(c.Name))))
	}
	var knownBody []jen.Code
	if len(known) > 0 {
		knownBody = append(knownBody, jen.Switch(jen.String().Call(jen.Id("b"))).Block(known...))
	}
	knownBody = append(knownBody, jen.Return(jen.Lit("")))
	g.Func().Id("knownReason").Params(jen.Id("b").Index().Byte()).Id("Reason").Block(knownBody...)

	fileComment(g, "Reasons returns every Known reason, sorted by its wire string, in a new slice; nil when the docs list none.")
	if len(all) == 0 {
		g.Func().Id("Reasons").Params().Index().Id("Reason").Block(jen.Return(jen.Nil()))
	} else {
		g.Func().Id("Reasons").Params().Index().Id("Reason").Block(jen.Return(jen.Index().Id("Reason").Values(all...)))
	}
}

// boolSwitch is the body of a method of Reason that is true for the given
// constants; with none, it is false without a switch, which would be empty.
func boolSwitch(cases []jen.Code) []jen.Code {
	if len(cases) == 0 {
		return []jen.Code{jen.Return(jen.False())}
	}
	return []jen.Code{
		jen.Switch(jen.Id("r")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	}
}

// reasonSwitch emits a method of Reason that switches over the given
// codes; with none, it returns otherwise.
func reasonSwitch(g *jen.File, doc, method string, result jen.Code, codes []spec.CodeEntry, value func(spec.CodeEntry) jen.Code, otherwise jen.Code) {
	var body []jen.Code
	if len(codes) > 0 {
		cases := make([]jen.Code, 0, len(codes))
		for _, c := range codes {
			cases = append(cases, jen.Case(jen.Id(c.Name)).Block(jen.Return(value(c))))
		}
		body = append(body, jen.Switch(jen.Id("r")).Block(cases...))
	}
	body = append(body, jen.Return(otherwise))
	fileComment(g, doc)
	g.Func().Params(jen.Id("r").Id("Reason")).Id(method).Params().Add(result).Block(body...)
}

// statusExpr names a status in Go: its constant when the spec documents
// it, its number otherwise.
func statusExpr(f *spec.File, status int) jen.Code {
	if e, ok := f.Lookup(status); ok {
		return jen.Id(e.Name)
	}
	return jen.Lit(status)
}

// statusDescription is a status's text: the docs' when the spec documents
// it, the standard one otherwise.
func statusDescription(f *spec.File, status int) string {
	if e, ok := f.Lookup(status); ok {
		return e.Description
	}
	return http.StatusText(status)
}

// statusDoc is ", sent with 429 Too Many Requests" for a code's doc, and
// "" when the docs give no status.
func statusDoc(f *spec.File, status int) string {
	if status == 0 {
		return ""
	}
	s := ", sent with " + strconv.Itoa(status)
	if d := statusDescription(f, status); d != "" {
		s += " " + d
	}
	return s
}

// codeRetryDoc says in words whether a string code is retried, and which
// rule decided.
func codeRetryDoc(c spec.CodeEntry) string {
	rule := fmt.Sprintf(" by the default rule for %d.", c.Status)
	if c.Status == 0 {
		rule = " by the default rule: the docs give the code no status."
	}
	return retrySentence(c.Retryable, c.RetryableFrom, rule)
}

// emitTestReasons adds to errcodestest/codes.go what the fake API needs of
// the string codes: where the body carries one, and each one's status,
// description and retry decision.
func emitTestReasons(g *jen.File, f *spec.File) {
	codes := sortedCodes(f)
	fileComment(g, "reasonField is where the API's error responses carry the string code: a dotted path of JSON object keys, from the spec's code_field.")
	g.Const().Id("reasonField").Op("=").Lit(codeField(f))
	fileComment(g, "describeReason returns the docs' status (0 when they give none), description and retry decision of a string code; known is false for a code the docs do not list.")
	var body []jen.Code
	if len(codes) > 0 {
		cases := make([]jen.Code, 0, len(codes))
		for _, c := range codes {
			cases = append(cases, jen.Case(jen.Lit(c.Code)).Block(jen.Return(jen.Lit(c.Status), jen.Lit(c.Description), jen.Lit(c.Retryable), jen.True())))
		}
		body = append(body, jen.Switch(jen.Id("reason")).Block(cases...))
	}
	body = append(body, jen.Return(jen.Lit(0), jen.Lit(""), jen.False(), jen.False()))
	g.Func().Id("describeReason").Params(jen.Id("reason").String()).
		Params(jen.Id("status").Int(), jen.Id("description").String(), jen.List(jen.Id("retryable"), jen.Id("known")).Bool()).
		Block(body...)
}
