package main

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/errtable/errtable/spec"
)

// testPkg is the name (and directory) of the generated test-server
// subpackage. It does not import the main package, so the folder can be
// copied anywhere without knowing its import path; what it needs of the
// docs is emitted into it here.
const testPkg = "errcodestest"

// testCodesFile builds errcodestest/codes.go: the docs' descriptions and
// retry decisions of statuses and string codes, as the fake API answers
// with them.
func testCodesFile(f *spec.File, parentPkg string) *jen.File {
	g := newFile(testPkg,
		fmt.Sprintf("Package %s is a fake %s API for tests: an http.Handler and an httptest server that answer with any of the errors of package %s, with the docs' descriptions, realistic JSON bodies and, for retryable codes, a Retry-After header.", testPkg, f.Prefix, parentPkg),
		"Use it to test a client's error handling and retry loops in a controlled environment, as the docs advise.",
	)
	cases := make([]jen.Code, 0, len(f.Errors)+1)
	for _, e := range f.Errors {
		cases = append(cases, jen.Case(jen.Lit(e.Code)).Block(jen.Return(jen.Lit(e.Description), jen.Lit(e.Retryable))))
	}
	var retryable []jen.Code
	for _, c := range f.UndocumentedRetryable() {
		retryable = append(retryable, jen.Lit(c))
	}
	if len(retryable) > 0 {
		cases = append(cases, jen.Case(retryable...).Block(jen.Return(jen.Qual("net/http", "StatusText").Call(jen.Id("status")), jen.True())))
	}
	fileComment(g, "describe returns the docs' description of status and whether a client may retry it; for a status the docs do not list, the standard status text and the default rule.")
	g.Func().Id("describe").Params(jen.Id("status").Int()).Params(jen.String(), jen.Bool()).Block(
		jen.Switch(jen.Id("status")).Block(cases...),
		jen.Return(jen.Qual("net/http", "StatusText").Call(jen.Id("status")), jen.False()),
	)
	emitTestReasons(g, f)
	return g
}
