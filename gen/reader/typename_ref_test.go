package reader

import (
	"strings"
	"testing"
)

// typeNameReference is typeColumn's test of a cell before typeName.
func typeNameReference(v string) bool {
	return len(v) < 40 && typeNamesRE.MatchString(v)
}

// isPlaceholderReference is isPlaceholder before its length bound.
func isPlaceholderReference(s string) bool {
	return placeholders[strings.ToLower(strings.TrimSpace(s))]
}

// typeNameInputs are cells typeName and isPlaceholder must read as their
// references do: type names in every case and with what follows them,
// names that begin as one does, placeholders, and runes that lower-case
// to ASCII or fold to a type name's letters.
var typeNameInputs = []string{
	"", " ", "string", "String", "STRING", "ſtring", "string[]", "string (max 200)", "strings", "integer", "Int64", "int32", "number",
	"float", "Double", "boolean", "bool", "object", "array of objects", "enum", "null", "map", "list", "List<String>", "Invalid Token",
	"400", "`string`", "Check the `field_1` of the request.", "n/a", "N/A", " NULL ", "nİl", "NİL", "—", "–", "--", "...", "…", "n.a.",
	"N.A.", "-", "nil", "NIL\u00a0", "\u212aey", strings.Repeat("string ", 10), "integer" + strings.Repeat(" x", 20), "\u0130nt", "ınt",
}

func TestTypeNameMatchesReference(t *testing.T) {
	for _, s := range append(typeNameInputs, fastPathInputs...) {
		checkTypeName(t, s)
	}
}

// checkTypeName compares typeName and isPlaceholder with their references
// on s.
func checkTypeName(t *testing.T, s string) {
	t.Helper()
	if got, want := typeName(s), typeNameReference(s); got != want {
		t.Errorf("typeName(%q) = %v, want %v", s, got, want)
	}
	if got, want := isPlaceholder(s), isPlaceholderReference(s); got != want {
		t.Errorf("isPlaceholder(%q) = %v, want %v", s, got, want)
	}
}

// FuzzTypeName compares typeName and isPlaceholder with their references.
func FuzzTypeName(f *testing.F) {
	for _, s := range typeNameInputs {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTypeName(t, s)
	})
}
