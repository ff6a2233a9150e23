package main

import (
	"fmt"
	"go/format"
	"maps"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"

	"github.com/errtable/errtable/gen/reader"
	"github.com/errtable/errtable/spec"
)

// benchRows are the page sizes the benchmarks run at, in table rows.
var benchRows = []int{200, 1000, 10000}

// benchCatalogue bounds the distinct codes of a bench page: 400 to 599
// are the statuses the reader takes as errors, so a page's catalogue has
// at most 200 codes however long the page is.
const benchCatalogue = 200

// Words the bench page's error names are made of: 20 x 10 distinct names,
// one per code, that name derivation keeps apart.
var (
	benchAdjectives = []string{"Invalid", "Missing", "Expired", "Locked", "Duplicate", "Unknown", "Revoked", "Malformed", "Stale", "Forbidden",
		"Oversized", "Empty", "Disabled", "Suspended", "Pending", "Archived", "Deleted", "Unverified", "Throttled", "Unsupported"}
	benchNouns = []string{"Token", "Project", "Track", "Invoice", "Webhook", "Album", "Session", "Upload", "Voice", "Playlist"}
)

// benchPage returns a deterministic docs page of rows table rows, shaped
// as large API references are: a status table of the API's error codes
// (up to 200, 400 to 599, each with a name and a remedy; some code cells
// in backticks or with the status text, as pages write them), then one
// section per endpoint with prose, a parameters table the reader must
// parse and refuse (it lists no statuses), and an errors table repeating
// rows of the status table word for word, which the reader reads once.
//
// This is the realistic shape of a 10,000-row page that gen accepts: a
// catalogue cannot grow past 200 codes (the 4xx and 5xx statuses), so the
// rows beyond it are the per-endpoint tables real references repeat. The
// generated package therefore stops growing at 200 rows, while reading
// keeps growing with the page.
func benchPage(rows int) []byte {
	var b strings.Builder
	b.WriteString("# Errors\n\nEvery endpoint of the API answers an error with a JSON body and one of the statuses below.\n\n")
	b.WriteString("## Status codes\n\n| Code | Name | Solution |\n|------|------|----------|\n")
	n := min(rows, benchCatalogue)
	catalogue := make([]string, n)
	for i := range n {
		code := 400 + i
		cell := fmt.Sprint(code)
		switch i % 10 {
		case 3:
			cell = "`" + cell + "`"
		case 7:
			cell += " " + benchAdjectives[i%20]
		}
		remedy := fmt.Sprintf("Check the `field_%d` of the request and send it again.", i)
		if code >= 500 {
			remedy = "Retry with exponential backoff; if it persists, contact support."
		}
		catalogue[i] = fmt.Sprintf("| %s | %s %s | %s |\n", cell, benchAdjectives[i%20], benchNouns[i/20], remedy)
		b.WriteString(catalogue[i])
	}
	b.WriteString("\nIf you see an error not listed here, contact support with the request ID of the response.\n")
	for done, ep := n, 0; done < rows; ep++ {
		fmt.Fprintf(&b, "\n## POST /v1/things/%d\n\nCreates a thing under project %d. The request body is JSON; the *name* is required and must be unique.\n\n", ep, ep)
		b.WriteString("### Parameters\n\n| Name | Type | Required | Description |\n|---|---|---|---|\n")
		for i := 0; i < 8 && done < rows; i, done = i+1, done+1 {
			fmt.Fprintf(&b, "| `field_%d` | string | %s | The thing's field number %d, at most 200 characters. |\n", i, []string{"yes", "no"}[i%2], i)
		}
		b.WriteString("\n### Errors\n\n| Code | Name | Solution |\n|------|------|----------|\n")
		for i := 0; i < 8 && done < rows; i, done = i+1, done+1 {
			b.WriteString(catalogue[(ep*8+i*13)%n])
		}
	}
	return []byte(b.String())
}

// benchDocs is the bench page as gen reads it.
func benchDocs(rows int) docs {
	return docs{path: "bench-errors.md", src: benchPage(rows), source: "bench-errors.md"}
}

// benchPkg is the package the benchmarks generate.
var benchPkg = pkgSpec{name: "errcodes", command: "go run ./gen"}

// genInMemory is gen's whole run apart from the disk: the page's bytes to
// the spec and every file of the package, formatted, in memory.
func genInMemory(d docs) (*output, error) {
	f, err := buildSpec(d, nil, options{}, func(string) {})
	if err != nil {
		return nil, err
	}
	return generate(f, benchPkg)
}

// benchEach runs body as a sub-benchmark per page size, on the page and
// on what setup, untimed, makes of it.
func benchEach[T any](b *testing.B, setup func(b *testing.B, d docs) T, body func(b *testing.B, d docs, v T)) {
	for _, rows := range benchRows {
		d := benchDocs(rows)
		v := setup(b, d)
		b.Run(fmt.Sprintf("rows=%d", rows), func(b *testing.B) {
			b.ReportAllocs()
			b.SetBytes(int64(len(d.src)))
			start := cpuTime()
			for b.Loop() {
				body(b, d, v)
			}
			b.ReportMetric(float64(cpuTime()-start)/float64(b.N), "cpu-ns/op")
		})
	}
}

// noSetup is the setup of a benchmark that needs only the page.
func noSetup(*testing.B, docs) struct{} { return struct{}{} }

// BenchmarkGen runs gen's whole pipeline on pages of 200 to 10,000 rows;
// compare with BenchmarkGenFloor at the same size: the goal is at most
// 1.5x, and a time per row that does not grow with the page. The phases
// are BenchmarkGenRead, BenchmarkGenBuild, BenchmarkGenEmit and
// BenchmarkGenFormat.
func BenchmarkGen(b *testing.B) {
	benchEach(b, noSetup, func(b *testing.B, d docs, _ struct{}) {
		if _, err := genInMemory(d); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGenRead is the first phase: reader.Read, the page to its
// catalogue. Its floor is BenchmarkGenFloorParse.
func BenchmarkGenRead(b *testing.B) {
	benchEach(b, noSetup, func(b *testing.B, d docs, _ struct{}) {
		if _, err := reader.Read(d.path, d.src, reader.Options{}, func(string) {}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGenBuild is the second phase: the rest of buildSpec after the
// read (specOf: lock, names, tips, validation).
func BenchmarkGenBuild(b *testing.B) {
	benchEach(b, benchCatalogueOf, func(b *testing.B, d docs, cat *reader.Catalogue) {
		if _, err := specOf(d, cat, nil, options{}, func(string) {}); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGenEmit is the third phase: the spec's bytes and every file of
// the package rendered, before go/format.
func BenchmarkGenEmit(b *testing.B) {
	benchEach(b, benchSpec, func(b *testing.B, d docs, f *spec.File) {
		if _, _, err := emit(f, benchPkg); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGenFormat is the last phase: go/format of the files emitted.
// Its floor is BenchmarkGenFloorFormat.
func BenchmarkGenFormat(b *testing.B) {
	benchEach(b, benchEmitted, func(b *testing.B, d docs, e benchEmission) {
		o := &output{files: maps.Clone(e.out.files)}
		if err := o.format(e.unformatted); err != nil {
			b.Fatal(err)
		}
	})
}

// BenchmarkGenFloor is what gen cannot do without: goldmark's GFM parse of
// the page and go/format of the generated files that depend on the docs
// (the runtime files are gen's own source, formatted before any run).
func BenchmarkGenFloor(b *testing.B) {
	gfm := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	benchEach(b, benchEmitted, func(b *testing.B, d docs, e benchEmission) {
		gfm.Parse(text.NewReader(d.src))
		for _, p := range e.unformatted {
			if _, err := format.Source(e.out.files[p]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkGenFloorParse is the floor's first half: goldmark's GFM parse of
// the page, beside BenchmarkGenRead.
func BenchmarkGenFloorParse(b *testing.B) {
	gfm := goldmark.New(goldmark.WithExtensions(extension.Table)).Parser()
	benchEach(b, noSetup, func(b *testing.B, d docs, _ struct{}) {
		gfm.Parse(text.NewReader(d.src))
	})
}

// BenchmarkGenFloorFormat is the floor's second half: go/format.Source of
// the emitted files, beside BenchmarkGenFormat.
func BenchmarkGenFloorFormat(b *testing.B) {
	benchEach(b, benchEmitted, func(b *testing.B, d docs, e benchEmission) {
		for _, p := range e.unformatted {
			if _, err := format.Source(e.out.files[p]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// benchCatalogueOf reads the page, for the phases after the read.
func benchCatalogueOf(b *testing.B, d docs) *reader.Catalogue {
	b.Helper()
	cat, err := reader.Read(d.path, d.src, reader.Options{}, func(string) {})
	if err != nil {
		b.Fatal(err)
	}
	return cat
}

// benchSpec builds the page's spec, for the phases after the build.
func benchSpec(b *testing.B, d docs) *spec.File {
	b.Helper()
	f, err := buildSpec(d, nil, options{}, func(string) {})
	if err != nil {
		b.Fatal(err)
	}
	return f
}

// benchEmission is the emit phase's result: the output before go/format
// and the paths go/format is still to run on.
type benchEmission struct {
	out         *output
	unformatted []string
}

// benchEmitted emits the page's package, for the format phase and the
// floor.
func benchEmitted(b *testing.B, d docs) benchEmission {
	b.Helper()
	out, unformatted, err := emit(benchSpec(b, d), benchPkg)
	if err != nil {
		b.Fatal(err)
	}
	return benchEmission{out, unformatted}
}

// TestBenchPage proves the bench pages are what the benchmarks claim: read
// without error, with the catalogue's codes, each row of a repeated table
// read once.
func TestBenchPage(t *testing.T) {
	for _, rows := range benchRows {
		d := benchDocs(rows)
		cat, err := reader.Read(d.path, d.src, reader.Options{}, func(string) {})
		if err != nil {
			t.Fatalf("rows=%d: %v", rows, err)
		}
		if want := min(rows, benchCatalogue); len(cat.Entries) != want {
			t.Errorf("rows=%d: %d entries, want %d", rows, len(cat.Entries), want)
		}
		// Body rows: lines starting "| " less each table's header row,
		// one per delimiter row.
		if got := strings.Count(string(d.src), "\n| ") - strings.Count(string(d.src), "\n|-"); got != rows {
			t.Errorf("rows=%d: the page holds %d rows", rows, got)
		}
		if _, err := genInMemory(d); err != nil {
			t.Fatalf("rows=%d: %v", rows, err)
		}
	}
}
