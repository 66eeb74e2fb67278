package driver

import (
	"bytes"
	"fmt"
	"go/format"
	"io"
	"os"
	"sort"
	"strings"
)

// fixResult counts what -fix did.
type fixResult struct {
	applied   int // fixes applied (or shown by -diff)
	generated int // fixes skipped because they edit a generated file
	conflicts int // fixes skipped because they overlap one already taken
	files     int // files changed
}

func (r fixResult) summary(diff bool) string {
	var parts []string
	if r.applied > 0 || r.generated+r.conflicts == 0 {
		verb := "applied"
		if diff {
			verb = "would apply"
		}
		parts = append(parts, fmt.Sprintf("%s %s in %s", verb, plural(r.applied, "fix", "fixes"), plural(r.files, "file", "files")))
	}
	if r.generated > 0 {
		parts = append(parts, fmt.Sprintf("skipped %s to generated files", plural(r.generated, "fix", "fixes")))
	}
	if r.conflicts > 0 {
		parts = append(parts, fmt.Sprintf("skipped %s overlapping another (run again to apply them)", plural(r.conflicts, "fix", "fixes")))
	}
	return strings.Join(parts, "; ")
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

// applyFixes applies the first fix of each finding, in the findings' order. A fix
// is taken whole or not at all: it is skipped when one of its edits touches a
// generated file or overlaps an edit already taken (identical edits, as a package
// and its test variant report them, are merged). Each changed file is then
// gofmt'ed, as go fix does. With diff, the files are left alone and a unified
// diff goes to w instead.
func applyFixes(findings []*Finding, w io.Writer, diff bool) (fixResult, error) {
	var res fixResult
	byFile := map[string][]Edit{}
	size := map[string]int{}
	rels := map[string]string{}
fixes:
	for _, f := range findings {
		if len(f.Fixes) == 0 {
			continue
		}
		fx := f.Fixes[0]
		for _, e := range fx.Edits {
			if e.generated {
				res.generated++
				continue fixes
			}
		}
		var add []Edit
		for _, e := range fx.Edits {
			dup := false
			for _, prev := range append(byFile[e.parsed], add...) {
				switch {
				case prev.parsed != e.parsed:
				case prev.start == e.start && prev.end == e.end && prev.NewText == e.NewText:
					dup = true
				case overlap(prev, e):
					res.conflicts++
					continue fixes
				}
			}
			if !dup {
				add = append(add, e)
			}
		}
		for _, e := range add {
			byFile[e.parsed] = append(byFile[e.parsed], e)
			size[e.parsed] = e.size
			rels[e.parsed] = e.File
		}
		res.applied++
	}

	names := make([]string, 0, len(byFile))
	for name := range byFile {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		src, err := os.ReadFile(name)
		if err != nil {
			return res, err
		}
		if len(src) != size[name] {
			return res, fmt.Errorf("%s changed since it was analysed (size %d, now %d); run again", rels[name], size[name], len(src))
		}
		out, err := apply(src, byFile[name])
		if err != nil {
			return res, fmt.Errorf("%s: %v", rels[name], err)
		}
		if formatted, err := format.Source(out); err == nil {
			out = formatted
		}
		if bytes.Equal(out, src) {
			continue
		}
		res.files++
		if diff {
			io.WriteString(w, unifiedDiff("a/"+rels[name], "b/"+rels[name], src, out))
			continue
		}
		mode := os.FileMode(0o644)
		if fi, err := os.Stat(name); err == nil {
			mode = fi.Mode().Perm()
		}
		if err := os.WriteFile(name, out, mode); err != nil {
			return res, err
		}
	}
	return res, nil
}

// overlap reports whether two edits of one file touch the same bytes. Two
// insertions at one offset overlap too: their order would be a guess.
func overlap(a, b Edit) bool {
	if a.start == a.end && b.start == b.end {
		return a.start == b.start
	}
	return a.start < b.end && b.start < a.end
}

// apply applies non-overlapping edits to src.
func apply(src []byte, edits []Edit) ([]byte, error) {
	edits = append([]Edit(nil), edits...)
	sort.SliceStable(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	var buf bytes.Buffer
	last := 0
	for _, e := range edits {
		if e.start < last || e.end < e.start || e.end > len(src) {
			return nil, fmt.Errorf("edit at bytes %d-%d is out of range", e.start, e.end)
		}
		buf.Write(src[last:e.start])
		buf.WriteString(e.NewText)
		last = e.end
	}
	buf.Write(src[last:])
	return buf.Bytes(), nil
}
