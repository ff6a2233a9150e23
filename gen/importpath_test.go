package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestImportPath(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string // path under the temporary root -> content
		out   string
		want  string
		err   string
	}{
		{"module root", map[string]string{"go.mod": "module example.test/app\n"}, ".", "example.test/app", ""},
		{"nested folder", map[string]string{"go.mod": "module example.test/app\n\ngo 1.22\n"}, "internal/apierrs", "example.test/app/internal/apierrs", ""},
		{"nested module wins", map[string]string{"go.mod": "module example.test/app\n", "errcodes/go.mod": "module example.test/app/errs\n"}, "errcodes/sub", "example.test/app/errs/sub", ""},
		{"quoted module path", map[string]string{"go.mod": "module \"example.test/q\"\n"}, "x", "example.test/q/x", ""},
		{"no module line", map[string]string{"go.mod": "go 1.22\n"}, "x", "", "has no module line"},
		{"no go.mod at all", map[string]string{"x/keep": ""}, "x", "", "no go.mod in"},
		{"go.mod is a folder", map[string]string{"go.mod/keep": ""}, "x", "", "not a file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := t.TempDir()
			for name, content := range tt.files {
				path := filepath.Join(root, filepath.FromSlash(name))
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			got, err := importPath(filepath.Join(root, filepath.FromSlash(tt.out)))
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("importPath = %q, %v; want an error saying %q", got, err, tt.err)
				}
				return
			}
			if err != nil || got != tt.want {
				t.Errorf("importPath = %q, %v; want %q", got, err, tt.want)
			}
		})
	}
}

// chdirModule makes the test's working directory a fresh temporary folder
// holding a go.mod, as gen's output goes into a module.
func chdirModule(t *testing.T) {
	t.Helper()
	t.Chdir(t.TempDir())
	if err := os.WriteFile("go.mod", []byte("module example.test/m\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
}
