package main

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/errtable/errtable/spec"
)

// examplesFile builds example_test.go: runnable examples for pkg.go.dev,
// written against the spec's own codes. They live in the package itself,
// not in pkg_test, so the folder needs no import path and can be copied
// into any module. Their output holds only numbers and Go names, never doc
// text, so what the docs say cannot break them.
func examplesFile(f *spec.File, pkg string) *jen.File {
	e := exampleEntry(f)
	g := newFile(pkg)
	fmtln := func(args ...jen.Code) jen.Code { return jen.Qual("fmt", "Println").Call(args...) }
	output := func(lines ...string) *jen.Statement {
		s := jen.Comment("// Output:")
		for _, l := range lines {
			s.Line().Comment("// " + l)
		}
		return s
	}

	g.Comment("// An error from the API keeps its code through wrapping: errors.Is")
	g.Comment("// matches it against the sentinel, and IsRetryable reads the docs' advice.")
	g.Func().Id("Example").Params().Block(
		jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("create job: %w"), jen.Id("New").Call(jen.Id(e.Name), jen.Lit("try later"))),
		fmtln(jen.Qual("errors", "Is").Call(jen.Id("err"), jen.Id("Err"+e.Name))),
		fmtln(jen.Id("IsRetryable").Call(jen.Id("err"))),
		output("true", fmt.Sprint(e.Retryable)),
	)

	g.Comment("// CodeOf finds the code of an API error anywhere in a chain.")
	g.Func().Id("ExampleCodeOf").Params().Block(
		jen.Id("err").Op(":=").Qual("fmt", "Errorf").Call(jen.Lit("create job: %w"), jen.Id("New").Call(jen.Id(e.Name), jen.Lit(""))),
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("CodeOf").Call(jen.Id("err")),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("c"), jen.Id("ok")),
		output(fmt.Sprintf("%d %s true", e.Code, e.Name)),
	)

	undocumented := undocumentedStatus(f)
	g.Comment("// Lookup turns an HTTP status into a documented code.")
	g.Func().Id("ExampleLookup").Params().Block(
		jen.List(jen.Id("c"), jen.Id("ok")).Op(":=").Id("Lookup").Call(jen.Lit(e.Code)),
		fmtln(jen.Id("c"), jen.Id("ok")),
		jen.List(jen.Id("_"), jen.Id("ok")).Op("=").Id("Lookup").Call(jen.Lit(undocumented)),
		fmtln(jen.Id("ok")),
		output(e.Name+" true", "false"),
	)

	g.Comment("// Codes read from text by name or by number, as in JSON or flags.")
	g.Func().Id("ExampleCode_UnmarshalText").Params().Block(
		jen.Var().Id("c").Id("Code"),
		jen.Id("err").Op(":=").Id("c").Dot("UnmarshalText").Call(jen.Index().Byte().Call(jen.Lit(e.Name))),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("err")),
		jen.Id("err").Op("=").Id("c").Dot("UnmarshalText").Call(jen.Index().Byte().Call(jen.Lit(fmt.Sprint(undocumented)))),
		fmtln(jen.Id("c"), jen.Id("c").Dot("Known").Call(), jen.Id("err")),
		output(fmt.Sprintf("%d <nil>", e.Code), fmt.Sprintf("Code(%d) false <nil>", undocumented)),
	)

	g.Comment("// FromResponse turns a failed response into an *Error, with the API's")
	g.Comment("// message and the wait it asked for.")
	g.Func().Id("ExampleFromResponse").Params().Block(
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual("net/http", "HandlerFunc").Call(
			jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).Block(
				jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Retry-After"), jen.Lit("2")),
				jen.Id("w").Dot("WriteHeader").Call(jen.Lit(e.Code)),
				jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit(fmt.Sprintf(`{"error":{"message":"try later","code":%d}}`, e.Code))),
			),
		)),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
		jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(jen.Id("srv").Dot("URL")),
		jen.If(jen.Id("err").Op("!=").Nil()).Block(fmtln(jen.Id("err")), jen.Return()),
		jen.Defer().Id("resp").Dot("Body").Dot("Close").Call().Comment("// FromResponse leaves closing to the caller"),
		jen.Line(),
		jen.Id("err").Op("=").Id("FromResponse").Call(jen.Id("resp")),
		jen.List(jen.Id("c"), jen.Id("_")).Op(":=").Id("CodeOf").Call(jen.Id("err")),
		jen.List(jen.Id("wait"), jen.Id("_")).Op(":=").Id("RetryAfter").Call(jen.Id("err")),
		fmtln(jen.Int().Call(jen.Id("c")), jen.Id("c").Dot("Known").Call(), jen.Id("wait")),
		jen.Var().Id("apiErr").Op("*").Id("Error"),
		jen.If(jen.Qual("errors", "As").Call(jen.Id("err"), jen.Op("&").Id("apiErr"))).Block(fmtln(jen.Id("apiErr").Dot("Message"))),
		output(fmt.Sprintf("%d true 2s", e.Code), "try later"),
	)

	status, retryable := retryStatus(f)
	result := "succeeded after 2 retries"
	if !retryable {
		result = "gave up after 0 retries"
	}
	g.Comment("// A retry loop: CheckRetry decides, Backoff says how long to wait.")
	g.Func().Id("ExampleBackoff").Params().Block(
		jen.Var().Id("calls").Qual("sync/atomic", "Int32"),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Qual("net/http", "HandlerFunc").Call(
			jen.Func().Params(jen.Id("w").Qual("net/http", "ResponseWriter"), jen.Id("r").Op("*").Qual("net/http", "Request")).Block(
				jen.If(jen.Id("calls").Dot("Add").Call(jen.Lit(1)).Op("<=").Lit(2)).Block(
					jen.Id("w").Dot("WriteHeader").Call(jen.Lit(status)),
					jen.Return(),
				),
				jen.Qual("fmt", "Fprint").Call(jen.Id("w"), jen.Lit("ok")),
			),
		)),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.Line(),
		jen.For(jen.Id("attempt").Op(":=").Lit(0), jen.Empty(), jen.Id("attempt").Op("++")).Block(
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(jen.Id("srv").Dot("URL")),
			jen.List(jen.Id("retry"), jen.Id("_")).Op(":=").Id("CheckRetry").Call(jen.Qual("context", "Background").Call(), jen.Id("resp"), jen.Id("err")),
			jen.If(jen.Id("err").Op("==").Nil()).Block(
				jen.Id("err").Op("=").Id("FromResponse").Call(jen.Id("resp")),
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
			jen.Qual("time", "Sleep").Call(jen.Id("Backoff").Call(jen.Qual("time", "Millisecond"), jen.Lit(10).Op("*").Qual("time", "Millisecond"), jen.Id("attempt"), jen.Id("resp"))),
		),
		output(result),
	)
	return g
}

// retryStatus picks the status the retry-loop example fails with: one that
// is retryable under the spec, preferring the example entry.
func retryStatus(f *spec.File) (status int, retryable bool) {
	e := exampleEntry(f)
	if e.Retryable {
		return e.Code, true
	}
	for _, c := range []int{503, 502, 504, 500, 429, 408, 425} {
		if d, documented := f.Lookup(c); documented && d.Retryable || !documented && spec.DefaultRetryable(c) {
			return c, true
		}
	}
	return e.Code, false
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
func testExamplesFile(f *spec.File) *jen.File {
	e := exampleEntry(f)
	g := newFile(testPkg)
	get := func(url jen.Code) []jen.Code {
		return []jen.Code{
			jen.List(jen.Id("resp"), jen.Id("err")).Op(":=").Qual("net/http", "Get").Call(url),
			jen.If(jen.Id("err").Op("!=").Nil()).Block(jen.Qual("fmt", "Println").Call(jen.Id("err")), jen.Return()),
			jen.Id("resp").Dot("Body").Dot("Close").Call(),
		}
	}
	g.Comment("// The fake API answers /status/{code} with that error, as the real one would.")
	body := []jen.Code{
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("Handler").Call()),
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
	loop := []jen.Code{jen.Id("flaky").Op(":=").Id("FailFirst").Call(jen.Lit(2), jen.Lit(e.Code), jen.Id("OK")),
		jen.Id("srv").Op(":=").Qual("net/http/httptest", "NewServer").Call(jen.Id("flaky")),
		jen.Defer().Id("srv").Dot("Close").Call(),
		jen.For(jen.Range().Lit(3)).Block(append(get(jen.Id("srv").Dot("URL")),
			jen.Qual("fmt", "Println").Call(jen.Id("resp").Dot("StatusCode")))...),
		jen.Qual("fmt", "Println").Call(jen.Id("flaky").Dot("Calls").Call(), jen.Lit("calls")),
		jen.Comment("// Output:").Line().Comment(fmt.Sprintf("// %d", e.Code)).Line().Comment(fmt.Sprintf("// %d", e.Code)).Line().Comment("// 200").Line().Comment("// 3 calls"),
	}
	g.Func().Id("ExampleFailFirst").Params().Block(loop...)
	return g
}
