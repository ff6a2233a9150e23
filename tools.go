//go:build tools

package errtable

// This file pins the command-line tools CI runs: staticcheck and
// actionlint. The blank imports make go.mod record their module versions, so
// "go run honnef.co/go/tools/cmd/staticcheck ./..." and "go run
// github.com/rhysd/actionlint/cmd/actionlint" build exactly the versions
// recorded there, with nothing installed beforehand. The tools build tag
// keeps the file out of every normal build. Projects that import errcodes
// never see these requirements: errcodes is a module of its own
// (errcodes/go.mod) with no requirements at all.
import (
	_ "github.com/rhysd/actionlint/cmd/actionlint"
	_ "honnef.co/go/tools/cmd/staticcheck"
)
