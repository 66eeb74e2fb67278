package driver

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestToolProtocol(t *testing.T) {
	vet := []string{"-flags", "-V=full", "-V", "--V=full", "-json /tmp/b001/vet.cfg", "-fix -diff /tmp/b001/vet.cfg"}
	standalone := []string{"./...", "-format=sarif ./...", "-fix ./...", "", "-Vfoo ./...", "-severity=error ./...", "./x.cfg ./..."}
	for _, args := range vet {
		if !ToolProtocol(strings.Fields(args)) {
			t.Errorf("ToolProtocol(%q) = false, want true", args)
		}
	}
	for _, args := range standalone {
		if ToolProtocol(strings.Fields(args)) {
			t.Errorf("ToolProtocol(%q) = true, want false", args)
		}
	}
}

func TestEscapeData(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain text", "plain text"},
		{"100%", "100%25"},
		{"%0A is not a newline", "%250A is not a newline"},
		{"line one\nline two", "line one%0Aline two"},
		{"crlf\r\n", "crlf%0D%0A"},
		{"a: b, c", "a: b, c"}, // : and , stay in the message
		{"::error file=x::y", "::error file=x::y"},
	} {
		if got := escapeData(tc.in); got != tc.want {
			t.Errorf("escapeData(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestEscapeProperty(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"chat/chat.go", "chat/chat.go"},
		{"a,b.go", "a%2Cb.go"},
		{"c:/x.go", "c%3A/x.go"},
		{"50%.go", "50%25.go"},
		{"new\nline\r.go", "new%0Aline%0D.go"},
		{"%3A", "%253A"}, // % first, so nothing is encoded twice
		{"DS104", "DS104"},
	} {
		if got := escapeProperty(tc.in); got != tc.want {
			t.Errorf("escapeProperty(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestWriteGitHub(t *testing.T) {
	root := filepath.FromSlash("/repo")
	findings := []*Finding{
		{abs: filepath.FromSlash("/repo/pkg/a,b:c.go"), Line: 3, Column: 5, EndLine: 3, EndColumn: 9, Rule: "DS104", Severity: "error", Message: "100% wrong\nsecond line (DS104)"},
		{abs: filepath.FromSlash("/repo/x.go"), Line: 1, Column: 1, EndLine: 2, EndColumn: 1, Rule: "DS501", Severity: "warning", Message: "w (DS501)"},
	}
	var b bytes.Buffer
	writeGitHub(&b, root, findings)
	want := "::error file=pkg/a%2Cb%3Ac.go,line=3,col=5,endLine=3,endColumn=9,title=DS104::100%25 wrong%0Asecond line (DS104)\n" +
		"::warning file=x.go,line=1,col=1,endLine=2,endColumn=1,title=DS501::w (DS501)\n" +
		"deepseekvet: 2 findings (1 error, 1 warning)\n"
	if b.String() != want {
		t.Errorf("writeGitHub:\n%s\nwant\n%s", b.String(), want)
	}

	var many []*Finding
	for range 11 {
		many = append(many, &Finding{abs: filepath.FromSlash("/repo/x.go"), Line: 1, Column: 1, Rule: "DS104", Severity: "error"})
	}
	b.Reset()
	writeGitHub(&b, root, many)
	if !strings.HasSuffix(b.String(), "deepseekvet: 11 findings (11 errors, 0 warnings); GitHub annotates only the first 10 of each level, the log above lists them all\n") {
		t.Errorf("summary over the annotation limit:\n%s", b.String())
	}
}

// TestColumns checks the conversion of Go's byte columns to code points.
func TestColumns(t *testing.T) {
	file := filepath.Join(t.TempDir(), "x.go")
	src := "package x\n\nvar s = \"¡Hola! 🌍\" + z\n"
	os.WriteFile(file, []byte(src), 0o644)
	c := newColumnConverter()
	for _, tc := range []struct{ line, col, want int }{
		{3, 1, 1},   // start of line
		{3, 9, 9},   // before any multi-byte character
		{3, 26, 22}, // z, after ¡ (2 bytes) and 🌍 (4 bytes): byte column 26, code point column 22
		{3, 27, 23}, // end of line
		{1, 1, 1},
		{3, 40, 40}, // past the end: the file changed, keep bytes
		{9, 3, 3},   // no such line
	} {
		if got := c.column(file, tc.line, tc.col); got != tc.want {
			t.Errorf("column(line %d, col %d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
	if got := c.column(filepath.Join(t.TempDir(), "missing.go"), 1, 7); got != 7 {
		t.Errorf("unreadable file: column = %d, want the byte column 7", got)
	}
}

func TestArtifactLocation(t *testing.T) {
	root := filepath.FromSlash("/repo")
	for _, tc := range []struct{ file, uri, base string }{
		{"/repo/chat/chat.go", "chat/chat.go", srcRootID},
		{"/repo/my dir/a%b.go", "my%20dir/a%25b.go", srcRootID},
		{"/repo/a:b.go", "./a:b.go", srcRootID}, // not a scheme
		{"/elsewhere/x.go", "file:///elsewhere/x.go", ""},
		{"/repo/../repo2/x.go", "file:///repo2/x.go", ""},
	} {
		got := artifactLocation(root, filepath.FromSlash(tc.file))
		if got.URI != tc.uri || got.URIBaseID != tc.base {
			t.Errorf("artifactLocation(%s) = %+v, want %s under %q", tc.file, got, tc.uri, tc.base)
		}
	}
	if got := fileURI(filepath.FromSlash("/a b/c")); got != "file:///a%20b/c" {
		t.Errorf("fileURI = %s", got)
	}
}

func TestOverlap(t *testing.T) {
	for _, tc := range []struct {
		a, b [2]int
		want bool
	}{
		{[2]int{0, 5}, [2]int{5, 9}, false}, // adjacent
		{[2]int{0, 5}, [2]int{4, 9}, true},
		{[2]int{3, 3}, [2]int{3, 3}, true},  // two insertions at one point
		{[2]int{3, 3}, [2]int{0, 5}, true},  // an insertion inside a replacement
		{[2]int{5, 5}, [2]int{0, 5}, false}, // an insertion at its end
		{[2]int{0, 0}, [2]int{0, 5}, false}, // an insertion at its start
	} {
		a, b := Edit{start: tc.a[0], end: tc.a[1]}, Edit{start: tc.b[0], end: tc.b[1]}
		if got := overlap(a, b); got != tc.want || overlap(b, a) != tc.want {
			t.Errorf("overlap(%v, %v) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
	}
}

func TestUnifiedDiff(t *testing.T) {
	var old, new strings.Builder
	for i := 1; i <= 20; i++ {
		line := "line " + string(rune('a'+i-1)) + "\n"
		old.WriteString(line)
		switch i {
		case 4:
			new.WriteString("LINE D\n")
		case 15:
		default:
			new.WriteString(line)
		}
	}
	new.WriteString("added")
	got := unifiedDiff("a/f.txt", "b/f.txt", []byte(old.String()), []byte(new.String()))
	want := `--- a/f.txt
+++ b/f.txt
@@ -1,7 +1,7 @@
 line a
 line b
 line c
-line d
+LINE D
 line e
 line f
 line g
@@ -12,9 +12,9 @@
 line l
 line m
 line n
-line o
 line p
 line q
 line r
 line s
 line t
+added
\ No newline at end of file
`
	if got != want {
		t.Errorf("unifiedDiff:\n%s\nwant\n%s", got, want)
	}
	if unifiedDiff("a", "b", []byte("x\n"), []byte("x\n")) != "" {
		t.Errorf("diff of equal files is not empty")
	}
	// git apply takes it.
	git, err := exec.LookPath("git")
	if err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "f.txt"), []byte(old.String()), 0o644)
	os.WriteFile(filepath.Join(dir, "p.diff"), []byte(got), 0o644)
	cmd := exec.Command(git, "apply", "p.diff")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git apply: %v\n%s", err, out)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "f.txt")); string(b) != new.String() {
		t.Errorf("git apply gave\n%s", b)
	}
}

func TestApplyEdits(t *testing.T) {
	src := []byte("0123456789")
	out, err := apply(src, []Edit{{start: 7, end: 9, NewText: "X"}, {start: 0, end: 0, NewText: ">"}, {start: 2, end: 4, NewText: ""}})
	if err != nil || string(out) != ">01456X9" {
		t.Errorf("apply = %q, %v", out, err)
	}
	if _, err := apply(src, []Edit{{start: 5, end: 12}}); err == nil {
		t.Errorf("apply past the end: no error")
	}
}

func TestFixSummary(t *testing.T) {
	for _, tc := range []struct {
		r    fixResult
		diff bool
		want string
	}{
		{fixResult{}, false, "applied 0 fixes in 0 files"},
		{fixResult{applied: 3, files: 1}, false, "applied 3 fixes in 1 file"},
		{fixResult{applied: 1, files: 1, generated: 1}, true, "would apply 1 fix in 1 file; skipped 1 fix to generated files"},
		{fixResult{generated: 2, conflicts: 1}, false, "skipped 2 fixes to generated files; skipped 1 fix overlapping another (run again to apply them)"},
	} {
		if got := tc.r.summary(tc.diff); got != tc.want {
			t.Errorf("summary(%+v) = %q, want %q", tc.r, got, tc.want)
		}
	}
}

// TestApplyFixes covers what the analyzer never produces on testdata/drv: a fix
// into a generated file, overlapping fixes, and the same fix twice (a package and
// its test variant).
func TestApplyFixes(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a.go")
	gen := filepath.Join(dir, "gen.go")
	src := "package a\n\nvar X = map[string]int{\"a\": 1, \"b\": 2}\n"
	os.WriteFile(file, []byte(src), 0o644)
	os.WriteFile(gen, []byte(src), 0o644)
	at := func(s string) int { return strings.Index(src, s) }
	edit := func(name, old, new string, generated bool) Edit {
		return Edit{abs: name, parsed: name, File: filepath.Base(name), start: at(old), end: at(old) + len(old), NewText: new, size: len(src), generated: generated}
	}
	fix := func(edits ...Edit) *Finding { return &Finding{Fixes: []Fix{{Message: "m", Edits: edits}}} }
	findings := []*Finding{
		fix(edit(file, `"a"`, `"A"`, false)),
		fix(edit(file, `"a"`, `"A"`, false)),                                // the same again: merged
		fix(edit(file, `"a": 1`, `"z": 0`, false)),                          // overlaps the first: skipped
		fix(edit(file, `"b"`, `"B"`, false), edit(gen, `"b"`, `"B"`, true)), // touches a generated file: skipped whole
		{Fixes: []Fix{{Message: "first", Edits: []Edit{edit(file, "2", "3", false)}}, {Message: "second", Edits: []Edit{edit(file, "2", "4", false)}}}},
	}
	var diff bytes.Buffer
	res, err := applyFixes(findings, &diff, true)
	if err != nil || res != (fixResult{applied: 3, generated: 1, conflicts: 1, files: 1}) {
		t.Fatalf("-diff: %+v, %v", res, err)
	}
	if b, _ := os.ReadFile(file); string(b) != src || !strings.Contains(diff.String(), "+var X = map[string]int{\"A\": 1, \"b\": 3}\n") {
		t.Errorf("-diff changed the file or printed the wrong diff:\n%s", diff.String())
	}
	if _, err := applyFixes(findings, nil, false); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); string(b) != "package a\n\nvar X = map[string]int{\"A\": 1, \"b\": 3}\n" {
		t.Errorf("-fix gave\n%s", b)
	}
	if b, _ := os.ReadFile(gen); string(b) != src {
		t.Errorf("-fix changed the generated file")
	}
	// A file that changed since it was loaded is not edited.
	os.WriteFile(file, []byte("package a\n"), 0o644)
	if _, err := applyFixes([]*Finding{fix(edit(file, `"a"`, `"A"`, false))}, nil, false); err == nil || !strings.Contains(err.Error(), "changed since it was analysed") {
		t.Errorf("stale file: %v", err)
	}
}
