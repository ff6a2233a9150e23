package main

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/errtable/errtable/spec"
)

// emitExamples renders example_test.go: runnable examples for pkg.go.dev,
// written against the spec's own codes. They live in the package itself,
// not in pkg_test, so the folder needs no import path and can be copied
// into any module. Their output holds only numbers and Go names, never doc
// text, so what the docs say cannot break them.
func emitExamples(f *spec.File, pkg string) ([]byte, error) {
	e := exampleEntry(f)
	g := jen.NewFile(pkg)
	g.HeaderComment(generatedHeader)
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
	return render(g)
}

// exampleEntry picks the code the examples use: the first retryable one,
// which shows the most, else the first.
func exampleEntry(f *spec.File) spec.Entry {
	for _, e := range f.Errors {
		if e.Retryable {
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
