package main

import (
	"fmt"
	"slices"

	"github.com/dave/jennifer/jen"

	"github.com/errtable/errtable/spec"
)

// examplesFile builds example_test.go: runnable examples for pkg.go.dev,
// written against the spec's own codes. They are in the external test
// package (pkg_test) and import the package by its path, as a client does,
// so that pkg.go.dev shows errcodes.New(...) rather than New(...). Their
// output holds only numbers and Go names, never doc text, so what the docs
// say cannot break them.
func examplesFile(f *spec.File, p pkgSpec) *jen.File {
	e := exampleEntry(f)
	g := newFile(p.name + "_test")
	g.ImportName(p.importPath, p.name)
	q := func(name string) *jen.Statement { return jen.Qual(p.importPath, name) }
	fmtln := func(args ...jen.Code) jen.Code { return jen.Qual("fmt", "Println").Call(args...) }
	code := q(e.Name)
	handler := func(body ...jen.Code) *jen.Statement {
		return jen.Qual("net/http/httptest", "NewServer").Call(jen.Qual("net/http", "HandlerFunc").Call(
			jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).Block(body...),
		))
	}
	get := []jen.Code{
		jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(jen.Id("srv").Dot("URL")),
		jen.If(jen.Id("err").Op("!=").Nil()).Block(fmtln(jen.Id("err")), jen.Return()),
		jen.Defer().Id("resp").Dot("Body").Dot("Close").Call().Comment("// FromResponse leaves closing to the caller"),
	}

	g.Comment("// An error from the API keeps its code through wrapping: errors.Is")
	g.Comment("// matches it against the sentinel, and IsRetryable reads the docs' advice.")
	g.Func().Id("Example").Params().Block(
		jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("create job: %w"), q("New").Call(code, jen.Lit("try later"))),
		fmtln(jen.Qual("errors", "Is").Call(jen.Id("err"), q("Err"+e.Name))),
		fmtln(q("IsRetryable").Call(jen.Id("err"))),
		exampleOutput("true", fmt.Sprint(e.Retryable)),
	)

	g.Comment("// New makes the error a fake or a test double returns.")
	g.Func().Id("ExampleNew").Params().Block(
		jen.Id("err").Op(":=").Add(q("New")).Call(code, jen.Lit("try later")),
		fmtln(jen.Int().Call(jen.Id("err").Dot("Code")), jen.Id("err").Dot("Message")),
		exampleOutput(fmt.Sprintf("%d try later", e.Code)),
	)

	g.Comment("// CodeOf finds the code of an API error anywhere in a chain.")
	g.Func().Id("ExampleCodeOf").Params().Block(
		jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("create job: %w"), q("New").Call(code, jen.Lit(""))),
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Add(q("CodeOf")).Call(jen.Id("err")),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("c"), jen.Id("ok")),
		jen.List(jen.Id("_"), jen.Id("ok")).Op("=").Add(q("CodeOf")).Call(jen.Qual("io", "EOF")),
		fmtln(jen.Id("ok")),
		exampleOutput(fmt.Sprintf("%d %s true", e.Code, e.Name), "false"),
	)

	g.Comment("// IsRetryable says whether the docs (or the default rule) let a client")
	g.Comment("// send the request again; it is false for errors that are not the API's.")
	g.Func().Id("ExampleIsRetryable").Params().Block(
		fmtln(q("IsRetryable").Call(jen.Qual("fmt", "Errorf").Call(jen.Lit("call: %w"), q("New").Call(code, jen.Lit(""))))),
		fmtln(q("IsRetryable").Call(jen.Qual("context", "Canceled"))),
		exampleOutput(fmt.Sprint(e.Retryable), "false"),
	)

	g.Comment("// RetryAfter reads the wait the server asked for, wherever the error is")
	g.Comment("// in the chain.")
	g.Func().Id("ExampleRetryAfter").Params().Block(
		jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("call: %w"),
			jen.Op("&").Add(q("Error")).Values(jen.Dict{jen.Id("Code"): code, jen.Id("RetryAfter"): jen.Lit(3).Op("*").Qual("time", "Second")})),
		jen.List(jen.Id("wait"), jen.Id("ok")).Op(":=").Add(q("RetryAfter")).Call(jen.Id("err")),
		fmtln(jen.Id("wait"), jen.Id("ok")),
		exampleOutput("3s true"),
	)

	g.Comment("// ParseRetryAfter reads both forms of the header, and caps what it reads.")
	g.Func().Id("ExampleParseRetryAfter").Params().Block(
		jen.Id("now").Op(":=").Qual("time", "Date").Call(jen.Lit(2026), jen.Qual("time", "January"), jen.Lit(2), jen.Lit(15), jen.Lit(4), jen.Lit(0), jen.Lit(0), jen.Qual("time", "UTC")),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Index().String().Values(
			jen.Lit("120"), jen.Lit("Fri, 02 Jan 2026 15:05:30 GMT"), jen.Lit("99999999999"), jen.Lit("soon"),
		)).Block(
			jen.List(jen.Id("d"), jen.Id("ok")).Op(":=").Add(q("ParseRetryAfter")).Call(jen.Id("v"), jen.Id("now")),
			fmtln(jen.Id("d"), jen.Id("ok")),
		),
		exampleOutput("2m0s true", "1m30s true", "24h0m0s true", "0s false"),
	)

	undocumented := undocumentedStatus(f)
	g.Comment("// Lookup turns an HTTP status into a documented code.")
	g.Func().Id("ExampleLookup").Params().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Add(q("Lookup")).Call(jen.Lit(e.Code)),
		fmtln(jen.Id("c"), jen.Id("ok")),
		jen.List(jen.Id("_"), jen.Id("ok")).Op("=").Add(q("Lookup")).Call(jen.Lit(undocumented)),
		fmtln(jen.Id("ok")),
		exampleOutput(e.Name+" true", "false"),
	)

	g.Comment("// Codes read from text by name or by number, as in flags or config.")
	g.Func().Id("ExampleCode_UnmarshalText").Params().Block(
		jen.Var().Id("c").Add(q("Code")),
		jen.Id("err").Op(":=").Id("c").Dot("UnmarshalText").Call(jen.Index().Byte().Call(jen.Lit(e.Name))),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("err")),
		jen.Id("err").Op("=").Id("c").Dot("UnmarshalText").Call(jen.Index().Byte().Call(jen.Lit(fmt.Sprint(undocumented)))),
		fmtln(jen.Id("c"), jen.Id("c").Dot("Known").Call(), jen.Id("err")),
		exampleOutput(fmt.Sprintf("%d <nil>", e.Code), fmt.Sprintf("Code(%d) false <nil>", undocumented)),
	)

	g.Comment("// In JSON a code is written as its number and read from a number or a")
	g.Comment("// name; an *Error has a JSON form of its own.")
	g.Func().Id("ExampleCode_UnmarshalJSON").Params().Block(
		jen.Var().Id("v").Struct(jen.Id("Code").Add(q("Code")).Tag(map[string]string{"json": "code"})),
		jen.For(jen.List(jen.Id("_"), jen.Id("in")).Op(":=").Range().Index().String().Values(
			jen.Lit(fmt.Sprintf(`{"code":%d}`, e.Code)), jen.Lit(fmt.Sprintf(`{"code":%q}`, e.Name)),
		)).Block(
			jen.Id("err").Op(":=").Qual("encoding/json", "Unmarshal").Call(jen.Index().Byte().Call(jen.Id("in")), jen.Op("&").Id("v")),
			fmtln(jen.Id("v").Dot("Code"), jen.Id("err")),
		),
		jen.List(jen.Id("out"), jen.Id("_")).Op(":=").Qual("encoding/json", "Marshal").Call(q("New").Call(code, jen.Lit("try later"))),
		fmtln(jen.String().Call(jen.Id("out"))),
		exampleOutput(e.Name+" <nil>", e.Name+" <nil>",
			fmt.Sprintf(`{"code":%d,"name":%q,"message":"try later","retryable":%t}`, e.Code, e.Name, e.Retryable)),
	)

	g.Comment("// An *Error logs as a group with log/slog: its code, name, status,")
	g.Comment("// retry decision, message and requested wait, never its body.")
	g.Func().Id("ExampleError_LogValue").Params().Block(
		jen.Id("logger").Op(":=").Qual("log/slog", "New").Call(jen.Qual("log/slog", "NewTextHandler").Call(jen.Qual("os", "Stdout"),
			jen.Op("&").Qual("log/slog", "HandlerOptions").Values(jen.Dict{jen.Id("ReplaceAttr"): jen.Func().Params(
				jen.Id("_").Index().String(), jen.Id("a").Qual("log/slog", "Attr")).Qual("log/slog", "Attr").Block(
				jen.If(jen.Id("a").Dot("Key").Op("==").Qual("log/slog", "TimeKey")).Block(jen.Return(jen.Qual("log/slog", "Attr").Values())),
				jen.Return(jen.Id("a")),
			)}))),
		jen.Id("err").Op(":=").Op("&").Add(q("Error")).Values(jen.Dict{
			jen.Id("Code"): code, jen.Id("Message"): jen.Lit("try later"), jen.Id("RetryAfter"): jen.Lit(2).Op("*").Qual("time", "Second"),
		}),
		jen.Id("logger").Dot("Error").Call(jen.Lit("create job failed"), jen.Lit("err"), jen.Id("err")),
		exampleOutput(fmt.Sprintf(`level=ERROR msg="create job failed" err.code=%d err.name=%s err.status="" err.retryable=%t err.message="try later" err.retry_after=2s`,
			e.Code, e.Name, e.Retryable)),
	)

	g.Comment("// FromResponse turns a failed response into an *Error, with the API's")
	g.Comment("// message and the wait it asked for.")
	g.Func().Id("ExampleFromResponse").Params().Block(append(append([]jen.Code{
		jen.Id("srv").Op(":=").Add(handler(
			jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Retry-After"), jen.Lit("2")),
			jen.Id("w").Dot("WriteHeader").Call(jen.Lit(e.Code)),
			jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit(fmt.Sprintf(`{"error":{"message":"try later","code":%d}}`, e.Code))),
		)),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
	}, get...),
		jen.Line(),
		jen.Id("err").Op("=").Add(q("FromResponse")).Call(jen.Id("resp")),
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Add(q("CodeOf")).Call(jen.Id("err")),
		jen.List(jen.Id("wait"), jen.Id("_")).Op(":=").Add(q("RetryAfter")).Call(jen.Id("err")),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("c").Dot("Known").Call(), jen.Id("wait")),
		jen.Var().Id("apiErr").Op("*").Add(q("Error")),
		jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("apiErr"))).Block(fmtln(jen.Id("apiErr").Dot("Message"))),
		exampleOutput(fmt.Sprintf("%d true 2s", e.Code), "try later"),
	)...)

	g.Comment("// A problem+json body (RFC 9457) keeps its members in Problem; the status")
	g.Comment("// comes from the response.")
	g.Func().Id("ExampleFromResponse_problem").Params().Block(
		jen.Id("resp").Op(":=").Op("&").Qual("net/http", "Response").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Lit(e.Code),
			jen.Id("Header"):     jen.Qual("net/http", "Header").Values(jen.Dict{jen.Lit("Content-Type"): jen.Values(jen.Lit("application/problem+json"))}),
			jen.Id("Body"): jen.Qual("io", "NopCloser").Call(jen.Qual("strings", "NewReader").Call(
				jen.Lit(`{"type":"https://api.example/problems/busy","title":"Busy","detail":"try later","instance":"/jobs/7"}`))),
		}),
		jen.Var().Id("apiErr").Op("*").Add(q("Error")),
		jen.If(jen.Qual("errors", "As").Call(q("FromResponse").Call(jen.Id("resp")), jen.Op("&").Id("apiErr")).Op("&&").Id("apiErr").Dot("Problem").Op("!=").Nil()).Block(
			fmtln(jen.Int().Call(jen.Id("apiErr").Dot("Code")), jen.Id("apiErr").Dot("Problem").Dot("Type"), jen.Id("apiErr").Dot("Problem").Dot("Instance"), jen.Id("apiErr").Dot("Message")),
		),
		exampleOutput(fmt.Sprintf("%d https://api.example/problems/busy /jobs/7 try later", e.Code)),
	)

	g.Comment("// Codes lists the documented codes, in order.")
	g.Func().Id("ExampleCodes").Params().Block(
		jen.Id("codes").Op(":=").Add(q("Codes")).Call(),
		fmtln(jen.Len(jen.Id("codes")), jen.Id("codes").Index(jen.Lit(0)).Dot("Known").Call()),
		exampleOutput(fmt.Sprintf("%d true", len(f.Errors))),
	)

	status, retryable := retryStatus(f)
	g.Comment("// CheckRetry decides from the response whether to send a request again:")
	g.Comment("// as the docs say for a documented code, by the default rule otherwise.")
	g.Func().Id("ExampleCheckRetry").Params().Block(
		jen.Id("ctx").Op(":=").Qual("context", "Background").Call(),
		jen.List(jen.Id("retry"), jen.Id("_")).Op(":=").Add(q("CheckRetry")).Call(jen.Id("ctx"),
			jen.Op("&").Qual("net/http", "Response").Values(jen.Dict{jen.Id("StatusCode"): jen.Lit(status)}), jen.Nil()),
		fmtln(jen.Id("retry")),
		jen.List(jen.Id("retry"), jen.Id("_")).Op("=").Add(q("CheckRetry")).Call(jen.Id("ctx"),
			jen.Op("&").Qual("net/http", "Response").Values(jen.Dict{jen.Id("StatusCode"): jen.Lit(501)}), jen.Nil()),
		fmtln(jen.Id("retry")),
		exampleOutput(fmt.Sprint(retryable), fmt.Sprint(retryableIn(f, 501))),
	)

	resp := func(retryAfter jen.Code) *jen.Statement {
		return jen.Op("&").Qual("net/http", "Response").Values(jen.Dict{
			jen.Id("StatusCode"): jen.Lit(status),
			jen.Id("Header"):     jen.Qual("net/http", "Header").Values(jen.Dict{jen.Lit("Retry-After"): jen.Values(retryAfter)}),
			jen.Id("Body"):       jen.Qual("io", "NopCloser").Call(jen.Qual("strings", "NewReader").Call(jen.Lit(`{"message":"busy"}`))),
		})
	}
	// A wait within MaxWait is slept through; a longer one ends the retries
	// with the wait in the error. A status the spec does not retry is not
	// retried either way.
	policyOut := []string{"true 2s", "false 2m0s"}
	if !retryable {
		policyOut = []string{"false 0s", "false 0s"}
	}
	g.Comment("// A RetryPolicy sleeps through a wait the server asks for up to MaxWait,")
	g.Comment("// and stops retrying when it asks for more, handing the wait to the caller.")
	g.Func().Id("ExampleRetryPolicy").Params().Block(
		jen.Id("policy").Op(":=").Add(q("RetryPolicy")).Values(jen.Dict{jen.Id("MaxWait"): jen.Lit(10).Op("*").Qual("time", "Second")}),
		jen.Id("ctx").Op(":=").Qual("context", "Background").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("wait")).Op(":=").Range().Index().String().Values(jen.Lit("2"), jen.Lit("120"))).Block(
			jen.Id("resp").Op(":=").Add(resp(jen.Id("wait"))),
			jen.List(jen.Id("retry"), jen.Id("err")).Op(":=").Id("policy").Dot("CheckRetry").Call(jen.Id("ctx"), jen.Id("resp"), jen.Nil()),
			jen.If(jen.Id("retry")).Block(
				fmtln(jen.Id("retry"), jen.Id("policy").Dot("Backoff").Call(jen.Qual("time", "Second"), jen.Lit(5).Op("*").Qual("time", "Second"), jen.Lit(0), jen.Id("resp"))),
				jen.Continue(),
			),
			jen.List(jen.Id("after"), jen.Id("_")).Op(":=").Add(q("RetryAfter")).Call(jen.Id("err")),
			fmtln(jen.Id("retry"), jen.Id("after")),
		),
		exampleOutput(policyOut...),
	)

	g.Comment("// ErrorHandler, as go-retryablehttp's ErrorHandler, returns the typed error")
	g.Comment("// of the last response when the retries run out.")
	g.Func().Id("ExampleErrorHandler").Params().Block(
		jen.Id("resp").Op(":=").Add(resp(jen.Lit("1"))),
		jen.Id("resp").Dot("Request").Op("=").Qual("net/http/httptest", "NewRequest").Call(jen.Lit("GET"), jen.Lit("https://api.example/v1/jobs"), jen.Nil()),
		jen.List(jen.Id("_"), jen.Id("err")).Op(":=").Add(q("ErrorHandler")).Call(jen.Id("resp"), jen.Nil(), jen.Lit(3)),
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Add(q("CodeOf")).Call(jen.Id("err")),
		jen.List(jen.Id("wait"), jen.Id("_")).Op(":=").Add(q("RetryAfter")).Call(jen.Id("err")),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("wait"), jen.Qual("strings", "Contains").Call(jen.Id("err").Dot("Error").Call(), jen.Lit("giving up after 3 attempt(s)"))),
		exampleOutput(fmt.Sprintf("%d 1s true", status)),
	)

	result := "succeeded after 2 retries"
	if !retryable {
		result = "gave up after 0 retries"
	}
	g.Comment("// A retry loop: CheckRetry decides, Backoff says how long to wait.")
	g.Func().Id("ExampleBackoff").Params().Block(
		jen.Var().Id("calls").Qual("sync/atomic", "Int32"),
		jen.Id("srv").Op(":=").Add(handler(
			jen.If(jen.Id("calls").Dot("Add").Call(jen.Lit(1)).Op("<=").Lit(2)).Block(
				jen.Id("w").Dot("WriteHeader").Call(jen.Lit(status)),
				jen.Return(),
			),
			jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit("ok")),
		)),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
		jen.For(jen.Id("attempt").Op(":=").Lit(0), jen.Empty(), jen.Id("attempt").Op("++")).Block(
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(jen.Id("srv").Dot("URL")),
			jen.List(jen.Id("retry"), jen.Id("_")).Op(":=").Add(q("CheckRetry")).Call(jen.Qual("context", "Background").Call(), jen.Id("resp"), jen.Id("err")),
			jen.If(jen.Id("err").Op("==").Nil()).Block(
				jen.Id("err").Op("=").Add(q("FromResponse")).Call(jen.Id("resp")),
				jen.Id("resp").Dot("Body").Dot("Close").Call(),
			),
			jen.If(jen.Id("err").Op("==").Nil()).Block(
				fmtln(jen.Lit("succeeded after"), jen.Id("attempt"), jen.Lit("retries")),
				jen.Return(),
			),
			jen.If(jen.Op("!").Id("retry").Op("||").Id("attempt").Op("==").Lit(5)).Block(
				fmtln(jen.Lit("gave up after"), jen.Id("attempt"), jen.Lit("retries")),
				jen.Return(),
			),
			jen.Qual("time", "Sleep").Call(q("Backoff").Call(jen.Qual("time", "Millisecond"), jen.Lit(10).Op("*").Qual("time", "Millisecond"), jen.Id("attempt"), jen.Id("resp"))),
		),
		exampleOutput(result),
	)
	// The first code the docs still list: an example must not use a
	// deprecated identifier.
	if i := slices.IndexFunc(sortedCodes(f), func(c spec.CodeEntry) bool { return !c.Removed }); i >= 0 {
		c := sortedCodes(f)[i]
		g.Comment("// ReasonOf finds the string code of an API error anywhere in a chain;")
		g.Comment("// errors.Is matches the code's sentinel, and IsRetryable follows the")
		g.Comment("// docs' decision for the code.")
		g.Func().Id("ExampleReasonOf").Params().Block(
			jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("create job: %w"), q("NewReason").Call(q(c.Name), jen.Lit(""))),
			jen.List(jen.Id("r"), jen.Id("ok")).Op(":=").Add(q("ReasonOf")).Call(jen.Id("err")),
			fmtln(jen.Id("r"), jen.Id("r").Dot("Name").Call(), jen.Id("ok")),
			fmtln(jen.Qual("errors", "Is").Call(jen.Id("err"), q("Err"+c.Name)), q("IsRetryable").Call(jen.Id("err"))),
			exampleOutput(fmt.Sprintf("%s %s true", c.Code, c.Name), fmt.Sprintf("true %t", c.Retryable)),
		)
	}
	return g
}

// output renders an example's "// Output:" comment with its lines.
func exampleOutput(lines ...string) *jen.Statement {
	s := jen.Comment("// Output:")
	for _, l := range lines {
		s.Line().Comment("// " + l)
	}
	return s
}

// retryStatus picks the status the retry-loop example fails with: one that
// is retryable under the spec, preferring the example entry.
func retryStatus(f *spec.File) (status int, retryable bool) {
	e := exampleEntry(f)
	if e.Retryable {
		return e.Code, true
	}
	for _, c := range []int{503, 502, 504, 500, 429, 408, 425} {
		if retryableIn(f, c) {
			return c, true
		}
	}
	return e.Code, false
}

// retryableIn reports whether the package generated from f retries status:
// as its entry says when f documents it, by the default rule otherwise.
func retryableIn(f *spec.File, status int) bool {
	if e, documented := f.Lookup(status); documented {
		return e.Retryable
	}
	return spec.DefaultRetryable(status)
}

// exampleEntry picks the code the examples use: the first retryable one,
// which shows the most, else the first; codes the docs still list first.
func exampleEntry(f *spec.File) spec.Entry {
	for _, e := range f.Errors {
		if e.Retryable && !e.Removed {
			return e
		}
	}
	for _, e := range f.Errors {
		if !e.Removed {
			return e
		}
	}
	return f.Errors[0]
}

// undocumentedStatus returns a status the spec does not list.
func undocumentedStatus(f *spec.File) int {
	for _, c := range []int{418, 499, 599, 451} {
		if _, ok := f.Lookup(c); !ok {
			return c
		}
	}
	for c := 100; ; c++ {
		if _, ok := f.Lookup(c); !ok {
			return c
		}
	}
}

// testExamplesFile builds errcodestest/example_test.go.
func testExamplesFile(f *spec.File, p pkgSpec) *jen.File {
	e := exampleEntry(f)
	g := newFile(testPkg + "_test")
	testPath := p.importPath + "/" + testPkg
	g.ImportName(testPath, testPkg)
	get := func(url jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(url),
			jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Qual("fmt", "Println").Call(jen.Id("err")), jen.Return()),
			jen.Id("resp").Dot("Body").Dot("Close").Call(),
		}
	}
	g.Comment("// The fake API answers /status/{code} with that error, as the real one would.")
	body := []jen.Code{
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(testPath, "Handler").Call()),
		jen.Defer().Id("srv").Dot("Close").Call(),
	}
	body = append(body, get(jen.Id("srv").Dot("URL").Op("+").Lit(fmt.Sprintf("/status/%d", e.Code)))...)
	body = append(body,
		jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode"), jen.Id("resp").Dot("Header").Dot("Get").Call(jen.Lit("Retry-After")).Op("!=").Lit("")),
		jen.Comment("// Output:").Line().Comment(fmt.Sprintf("// %d %t", e.Code, e.Retryable)),
	)
	g.Func().Id("Example").Params().Block(body...)

	g.Comment("// FailFirst fails a number of requests before the real handler answers:")
	g.Comment("// the shape of a retry loop's test.")
	loop := []jen.Code{jen.Id("flaky").Op(":=").Qual(testPath, "FailFirst").Call(jen.Lit(2), jen.Lit(e.Code), jen.Qual(testPath, "OK")),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("flaky")),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.For(jen.Range().Lit(3)).Block(append(get(jen.Id("srv").Dot("URL")),
			jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode")))...),
		jen.Qual("fmt", "Println").Call(jen.Id("flaky").Dot("Calls").Call(), jen.Lit("calls")),
		jen.Comment("// Output:").Line().Comment(fmt.Sprintf("// %d", e.Code)).Line().Comment(fmt.Sprintf("// %d", e.Code)).Line().Comment("// 200").Line().Comment("// 3 calls"),
	}
	g.Func().Id("ExampleFailFirst").Params().Block(loop...)

	g.Comment("// Wrap puts the fake errors in front of a real handler: a request that")
	g.Comment("// names a status in StatusHeader gets that error, the others reach the")
	g.Comment("// handler.")
	wrap := []jen.Code{
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(testPath, "Wrap").Call(jen.Qual(testPath, "OK"))),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("status")).Op(":=").Range().Index().String().Values(jen.Lit(fmt.Sprint(e.Code)), jen.Lit(""))).Block(
			jen.List(jen.Id("req"), jen.Id("_")).Op(":=").Qual("net/http", "NewRequest").Call(jen.Lit("GET"), jen.Id("srv").Dot("URL"), jen.Nil()),
			jen.Id("req").Dot("Header").Dot("Set").Call(jen.Qual(testPath, "StatusHeader"), jen.Id("status")),
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "DefaultClient").Dot("Do").Call(jen.Id("req")),
			jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Qual("fmt", "Println").Call(jen.Id("err")), jen.Return()),
			jen.Id("resp").Dot("Body").Dot("Close").Call(),
			jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode")),
		),
		exampleOutput(fmt.Sprint(e.Code), "200"),
	}
	g.Func().Id("ExampleWrap").Params().Block(wrap...)

	if i := slices.IndexFunc(sortedCodes(f), func(c spec.CodeEntry) bool { return !c.Removed }); i >= 0 {
		c := sortedCodes(f)[i]
		status := c.Status
		if status == 0 {
			status = 400 // errcodestest.UnknownReasonStatus
		}
		g.ImportName(p.importPath, p.name)
		g.Comment("// FailFirstReason fails requests with a string code, in the body's")
		g.Comment("// documented shape: CheckRetry decides by the code, not the status alone.")
		g.Func().Id("ExampleFailFirstReason").Params().Block(
			jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(
				jen.Qual(testPath, "FailFirstReason").Call(jen.Lit(1), jen.Qual(p.importPath, c.Name), jen.Qual(testPath, "OK"))),
			jen.Defer().Id("srv").Dot("Close").Call(),
			jen.For(jen.Range().Lit(2)).Block(
				jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(jen.Id("srv").Dot("URL")),
				jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Qual("fmt", "Println").Call(jen.Id("err")), jen.Return()),
				jen.List(jen.Id("retry"), jen.Id("_")).Op(":=").Qual(p.importPath, "CheckRetry").Call(jen.Qual("context", "Background").Call(), jen.Id("resp"), jen.Nil()),
				jen.List(jen.Id("r"), jen.Id("_")).Op(":=").Qual(p.importPath, "ReasonOf").Call(jen.Qual(p.importPath, "FromResponse").Call(jen.Id("resp"))),
				jen.Id("resp").Dot("Body").Dot("Close").Call(),
				jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode"), jen.Id("r"), jen.Id("retry")),
			),
			exampleOutput(fmt.Sprintf("%d %s %t", status, c.Code, c.Retryable), "200  false"),
		)
	}
	return g
}
