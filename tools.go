//go:build tools

package errtable

// This file pins the command-line tools CI runs. The blank imports make
// go.mod record their module versions, so "go run
// honnef.co/go/tools/cmd/staticcheck ./..." builds exactly the version
// recorded there, with nothing installed beforehand. The tools build tag
// keeps the file out of every normal build; and since Go's module graph
// pruning leaves a dependency's test and tool requirements out of its
// importers' builds, projects that import errcodes never download these.
import (
	_ "honnef.co/go/tools/cmd/staticcheck"
)
