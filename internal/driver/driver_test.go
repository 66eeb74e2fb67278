package driver_test

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/deepseekvet/deepseekvet/internal/driver"
	"github.com/deepseekvet/deepseekvet/internal/ruledoc"
	"github.com/deepseekvet/deepseekvet/internal/testutil"
	"github.com/deepseekvet/deepseekvet/schema"
)

var update = flag.Bool("update", false, "rewrite testdata/golden")

var (
	buildOnce sync.Once
	binDir    string
	binPath   string
	buildErr  string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	if binDir != "" {
		os.RemoveAll(binDir)
	}
	os.Exit(code)
}

// tool builds cmd/deepseekvet once per test binary; the tests run the binary,
// since exit codes are what they check.
func tool(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds the tool")
	}
	testutil.ReadSources(t) // so that go test's cache sees what the tool is built from
	buildOnce.Do(func() {
		var err error
		if binDir, err = os.MkdirTemp("", "deepseekvet-driver-test"); err != nil {
			buildErr = err.Error()
			return
		}
		binPath = filepath.Join(binDir, "deepseekvet")
		if out, err := exec.Command("go", "build", "-o", binPath, filepath.Join(testutil.Root, "cmd", "deepseekvet")).CombinedOutput(); err != nil {
			buildErr = err.Error() + "\n" + string(out)
		}
	})
	if buildErr != "" {
		t.Fatalf("go build: %s", buildErr)
	}
	return binPath
}

func run(t *testing.T, dir string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	return testutil.Run(t, dir, nil, tool(t), args...)
}

// module copies testdata/drv to a temporary directory (reading every file, so that
// go test's cache notices a change) and returns it.
func module(t *testing.T) string {
	t.Helper()
	dst := t.TempDir()
	err := filepath.WalkDir("testdata/drv", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		r, _ := filepath.Rel("testdata/drv", path)
		os.MkdirAll(filepath.Join(dst, filepath.Dir(r)), 0o755)
		return os.WriteFile(filepath.Join(dst, r), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return dst
}

// golden compares got with testdata/golden/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	file := filepath.Join("testdata", "golden", name)
	if *update {
		os.MkdirAll(filepath.Dir(file), 0o755)
		if err := os.WriteFile(file, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("%s differs from %s (after an intended change: go test ./internal/driver -run TestGolden -update)\ngot:\n%s", name, file, got)
	}
}

// TestGolden runs every format on testdata/drv and checks the output and exit code.
func TestGolden(t *testing.T) {
	t.Parallel()
	dir := module(t)
	for _, tc := range []struct {
		format string
		code   int
	}{
		{"text", 3}, {"github", 3}, {"json", 0}, {"sarif", 0},
	} {
		stdout, stderr, code := run(t, dir, "-format="+tc.format, "./...")
		if code != tc.code {
			t.Errorf("-format=%s: exit %d, want %d\n%s", tc.format, code, tc.code, stderr)
		}
		switch tc.format {
		case "text":
			if stdout != "" {
				t.Errorf("-format=text wrote to standard output:\n%s", stdout)
			}
			golden(t, "text.golden", stderr)
		case "sarif":
			if stderr != "" {
				t.Errorf("-format=sarif: %s", stderr)
			}
			golden(t, "sarif.golden", normalizeSARIF(t, dir, stdout))
		default:
			if stderr != "" {
				t.Errorf("-format=%s: %s", tc.format, stderr)
			}
			golden(t, tc.format+".golden", stdout)
		}
	}
	// The default format is text.
	if _, stderr, code := run(t, dir, "./..."); code != 3 || !strings.HasPrefix(stderr, "chat/chat.go:15:28: error: model: ") {
		t.Errorf("default format: exit %d\n%s", code, stderr)
	}
}

// normalizeSARIF replaces what varies between runs and machines (the source root,
// the tool version) and the rules' help, which docs/rules.md pins, by placeholders.
func normalizeSARIF(t *testing.T, dir, out string) string {
	t.Helper()
	var log map[string]any
	if err := json.Unmarshal([]byte(out), &log); err != nil {
		t.Fatalf("SARIF is not JSON: %v\n%s", err, out)
	}
	run := log["runs"].([]any)[0].(map[string]any)
	driver := run["tool"].(map[string]any)["driver"].(map[string]any)
	driver["version"] = "VERSION"
	var ids []any
	for _, r := range driver["rules"].([]any) {
		ids = append(ids, r.(map[string]any)["id"])
	}
	driver["rules"] = ids
	base := run["originalUriBaseIds"].(map[string]any)["%SRCROOT%"].(map[string]any)
	if base["uri"] != "file://"+filepath.ToSlash(dir)+"/" {
		t.Errorf("%%SRCROOT%% = %v, want the working directory %s", base["uri"], dir)
	}
	base["uri"] = "file:///SRCROOT/"
	b, _ := json.MarshalIndent(log, "", "  ")
	return string(b) + "\n"
}

func TestJSONFields(t *testing.T) {
	t.Parallel()
	stdout, _, _ := run(t, module(t), "-format=json", "./...")
	var findings []driver.Finding
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil || len(findings) != 5 {
		t.Fatalf("%v, %d findings\n%s", err, len(findings), stdout)
	}
	f := findings[1]
	if f.File != "chat/chat.go" || f.Line != 17 || f.Column != 3 || f.EndLine != 17 || f.EndColumn != 26 ||
		f.Rule != "DS501" || f.Severity != "warning" || !strings.HasSuffix(f.Message, " (DS501)") ||
		f.URL != "https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md#ds501" ||
		len(f.Fixes) != 1 || f.Fixes[0].Message != "Rename max_completion_tokens to max_tokens" ||
		len(f.Fixes[0].Edits) != 1 || f.Fixes[0].Edits[0] != (driver.Edit{File: "chat/chat.go", StartLine: 17, StartColumn: 3, EndLine: 17, EndColumn: 26, NewText: `"max_tokens"`}) {
		t.Errorf("DS501 finding: %+v", f)
	}
	if f := findings[0]; f.Rule != "DS102" || f.Severity != "error" || f.Fixes == nil {
		t.Errorf("DS102 finding: %+v (fixes must be [] rather than absent)", f)
	}
	// Run from another directory, paths stay relative to it.
	dir := module(t)
	stdout, _, _ = run(t, filepath.Join(dir, "chat"), "-format=json", ".")
	if !strings.Contains(stdout, `"file": "chat.go"`) {
		t.Errorf("paths are not relative to the working directory:\n%s", stdout)
	}
}

func TestTestFlag(t *testing.T) {
	t.Parallel()
	dir := module(t)
	_, stderr, _ := run(t, dir, "./...")
	if !strings.Contains(stderr, "chat/chat_test.go:8:41: error: messages[0].role:") {
		t.Errorf("test files are not checked by default:\n%s", stderr)
	}
	_, stderr, code := run(t, dir, "-test=false", "./...")
	if code != 3 || strings.Contains(stderr, "chat_test.go") {
		t.Errorf("-test=false: exit %d\n%s", code, stderr)
	}
}

// TestFix applies the fixes on a copy: the rename lands, gofmt realigns the
// literal, the generated file is left alone, and a second run finds only what has
// no fix.
func TestFix(t *testing.T) {
	t.Parallel()
	dir := module(t)
	gen, _ := os.ReadFile(filepath.Join(dir, "chat", "gen.go"))

	diff, stderr, code := run(t, dir, "-diff", "./...")
	if code != 3 || !strings.Contains(diff, "--- a/chat/chat.go\n+++ b/chat/chat.go\n") ||
		!strings.Contains(diff, "-\t\t\"max_completion_tokens\": 256,\n") || !strings.Contains(diff, "+\t\t\"max_tokens\": 256,\n") ||
		strings.Contains(diff, "gen.go") {
		t.Errorf("-diff: exit %d\n%s%s", code, diff, stderr)
	}
	// The analyzer offers no fix in a generated file (applyFixes would skip it).
	if !strings.Contains(stderr, "would apply 3 fixes in 2 files") {
		t.Errorf("-diff summary:\n%s", stderr)
	}
	if src, _ := os.ReadFile(filepath.Join(dir, "chat", "chat.go")); !strings.Contains(string(src), "max_completion_tokens") {
		t.Errorf("-diff changed the file")
	}
	if git, err := exec.LookPath("git"); err == nil {
		cmd := exec.Command(git, "apply", "--check", "-")
		cmd.Dir, cmd.Stdin = dir, strings.NewReader(diff)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("git apply --check rejects the -diff output: %v\n%s", err, out)
		}
	}

	_, stderr, code = run(t, dir, "-fix", "./...")
	if code != 0 || !strings.Contains(stderr, "applied 3 fixes in 2 files") {
		t.Fatalf("-fix: exit %d\n%s", code, stderr)
	}
	fixed, _ := os.ReadFile(filepath.Join(dir, "chat", "chat.go"))
	for _, want := range []string{
		"\t\t\"model\":      \"deepseek-chat\",\n\t\t\"messages\":   []map[string]any{{\"role\": \"user\", \"content\": question}},\n\t\t\"max_tokens\": 256,\n",
		`"content": "¡Hola! 🌍"}}, "max_tokens": 64,`,
	} {
		if !strings.Contains(string(fixed), want) {
			t.Errorf("-fix did not produce %q:\n%s", want, fixed)
		}
	}
	if test, _ := os.ReadFile(filepath.Join(dir, "chat", "chat_test.go")); !strings.Contains(string(test), `{"role": "system", "content": "test"}`) {
		t.Errorf("-fix did not fix the test file:\n%s", test)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "chat", "gen.go")); string(after) != string(gen) {
		t.Errorf("-fix changed a generated file:\n%s", after)
	}

	_, stderr, code = run(t, dir, "./...")
	// gofmt realigned the literal, so DS102 is now at column 17.
	want := "chat/chat.go:15:17: error: model: model \"deepseek-chat\" was retired"
	if code != 3 || !strings.HasPrefix(stderr, want) || strings.Count(stderr, "\n") != 2 || !strings.Contains(stderr, "chat/gen.go:10:3: warning: max_completion_tokens") {
		t.Errorf("after -fix: exit %d, want the DS102 (no fix) and the generated file's DS501 only:\n%s", code, stderr)
	}
}

func TestTypeError(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module example.com/broken\n\ngo 1.26.0\n"), 0o644)
	os.MkdirAll(filepath.Join(dir, "bad"), 0o755)
	os.MkdirAll(filepath.Join(dir, "good"), 0o755)
	os.WriteFile(filepath.Join(dir, "bad", "bad.go"), []byte("package bad\n\nvar x = undefinedThing\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "good", "good.go"), []byte(`package good

var Body = map[string]any{"model": "deepseek-reasoner", "messages": []map[string]any{{"role": "user", "content": "hi"}}}
`), 0o644)

	_, stderr, code := run(t, dir, "./...")
	if code != 1 || !strings.Contains(stderr, "deepseekvet: example.com/broken/bad: bad/bad.go:3:9: undefined: undefinedThing\n") {
		t.Errorf("exit %d, want 1 naming the package, the file and the error:\n%s", code, stderr)
	}
	if strings.Contains(stderr, "analysis skipped") || strings.Contains(stderr, "prerequisites") {
		t.Errorf("the load error is repeated:\n%s", stderr)
	}
	// The other packages are still analysed and reported.
	if !strings.Contains(stderr, "good/good.go:3:36: error: model: model \"deepseek-reasoner\" was retired") {
		t.Errorf("the package that loads is not reported:\n%s", stderr)
	}

	stdout, stderr, code := run(t, dir, "-format=json", "./...")
	var findings []driver.Finding
	if err := json.Unmarshal([]byte(stdout), &findings); err != nil || code != 1 || len(findings) != 1 || findings[0].File != "good/good.go" || findings[0].Rule != "DS102" ||
		stderr != "deepseekvet: example.com/broken/bad: bad/bad.go:3:9: undefined: undefinedThing\n" {
		t.Errorf("json with a load error: exit %d, %v\n%s%s", code, err, stdout, stderr)
	}

	stdout, _, code = run(t, dir, "-format=sarif", "./...")
	var log struct {
		Runs []struct {
			Invocations []struct {
				ExecutionSuccessful        bool
				ToolExecutionNotifications []struct {
					Level   string
					Message struct{ Text string }
				}
			}
			Results []struct{ RuleID string }
		}
	}
	if err := json.Unmarshal([]byte(stdout), &log); err != nil || code != 1 {
		t.Fatalf("sarif: exit %d, %v\n%s", code, err, stdout)
	}
	inv := log.Runs[0].Invocations[0]
	if inv.ExecutionSuccessful || len(inv.ToolExecutionNotifications) != 1 || inv.ToolExecutionNotifications[0].Level != "error" ||
		!strings.Contains(inv.ToolExecutionNotifications[0].Message.Text, "bad/bad.go:3:9: undefined: undefinedThing") ||
		len(log.Runs[0].Results) != 1 || log.Runs[0].Results[0].RuleID != "DS102" {
		t.Errorf("sarif with a load error: %+v", log.Runs[0])
	}

	_, stderr, code = run(t, dir, "./nosuchdir")
	if code != 1 || !strings.Contains(stderr, "nosuchdir") {
		t.Errorf("a missing package: exit %d\n%s", code, stderr)
	}
}

// TestUsage checks that a bad flag fails with exit 2 and its own message only,
// before anything is loaded.
func TestUsage(t *testing.T) {
	t.Parallel()
	dir := module(t)
	const hint = "run deepseekvet -h (or deepseekvet help) for usage\n"
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"-colour", "./..."}, "deepseekvet: flag provided but not defined: -colour\n" + hint},
		{[]string{"-format=xml", "./..."}, "deepseekvet: -format=xml: want text, json, sarif or github\n"},
		{[]string{"-severity=loud", "./..."}, "deepseekvet: invalid value \"loud\" for flag -severity: want warning or error\n" + hint},
		{[]string{"-schema-sha256=00", "./..."}, "deepseekvet: invalid value \"00\" for flag -schema-sha256: \"00\" is not a SHA-256 digest: want 64 hex digits (the error for a wrong digest prints the right one)\n" + hint},
		{[]string{"-schema-sha256=" + strings.Repeat("ab", 32), "./..."}, "deepseekvet: schema-sha256 is set but schema-dir is not\n"},
		{[]string{"-schema-dir=", "./..."}, "deepseekvet: invalid value \"\" for flag -schema-dir: empty directory name (leave the flag out to use the embedded contract)\n" + hint},
		{[]string{"-schema-dir=nosuchdir", "-schema-sha256=" + strings.Repeat("ab", 32), "./..."}, "deepseekvet: schema-dir: stat nosuchdir: no such file or directory\n"},
		{[]string{"-test=maybe", "./..."}, "deepseekvet: invalid boolean value \"maybe\" for -test: parse error\n" + hint},
		{[]string{"-disable=DS5", "./..."}, "deepseekvet: invalid value \"DS5\" for flag -disable: \"DS5\" is not a rule ID: want DS and three digits (DS501) or a family (DS5xx)\n" + hint},
		{[]string{"-enable=DS999", "./..."}, "deepseekvet: enable: no rule DS999; the rules are " + ruleIDs(t) + " (deepseekvet -list-rules)\n"},
		{[]string{"-debug=v", "./..."}, "deepseekvet: -debug=v: unknown letters \"v\"; t prints times, p runs steps one at a time (-v prints the payload candidates)\n"},
		{[]string{"-explain=DS999"}, "deepseekvet: -explain=DS999: no such rule; deepseekvet -list-rules lists them\n"},
		{[]string{"help", "colour"}, "deepseekvet: help colour: unknown topic; deepseekvet help prints the usage, deepseekvet help DS501 a rule's documentation\n"},
		{nil, "deepseekvet: no packages named; try deepseekvet ./...\n"},
	} {
		stdout, stderr, code := run(t, dir, tc.args...)
		if code != 2 || stderr != tc.want || stdout != "" {
			t.Errorf("%v: exit %d, want 2 and\n%s\ngot\n%s%s", tc.args, code, tc.want, stderr, stdout)
		}
	}
}

func ruleIDs(t *testing.T) string {
	c, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, r := range c.Rules() {
		ids = append(ids, r.ID)
	}
	return strings.Join(ids, ", ")
}

// TestInfo checks the flags that print something and exit: -h, help, -version,
// -list-rules, -explain.
func TestInfo(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	c, err := schema.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"-h"}, {"help"}, {"-help"}} {
		stdout, stderr, code := run(t, dir, args...)
		if code != 0 || stderr != "" || !strings.HasPrefix(stdout, "deepseekvet checks the DeepSeek API request payloads of Go packages.\n") ||
			!strings.Contains(stdout, "\n  -version\n    \tprint the version and the contract's date and digest, and exit\n") ||
			!strings.HasSuffix(stdout, "Documentation: https://github.com/deepseekvet/deepseekvet (README.md, docs/rules.md)\n") {
			t.Errorf("%v: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}

	stdout, _, code := run(t, dir, "-version")
	re := regexp.MustCompile(`^deepseekvet (v\S+|devel( [0-9a-f]{12}(\+dirty)?)?) \(go1\.\S+\)\ncontract: as of (\d{4}-\d{2}), sha256 ([0-9a-f]{64})\n$`)
	m := re.FindStringSubmatch(stdout)
	if code != 0 || m == nil || m[5] != c.Digest {
		t.Errorf("-version: exit %d\n%s\nwant it to match %s with digest %s", code, stdout, re, c.Digest)
	} else if title, _ := c.SchemaAt("chat.schema.json#/title").(string); !strings.Contains(title, "as of "+m[4]) {
		t.Errorf("-version says as of %s; chat.schema.json's title is %q", m[4], title)
	}

	stdout, _, code = run(t, dir, "-list-rules")
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if code != 0 || len(lines) != len(c.Rules()) {
		t.Fatalf("-list-rules: exit %d, %d lines for %d rules\n%s", code, len(lines), len(c.Rules()), stdout)
	}
	for i, r := range c.Rules() {
		if f := strings.Fields(lines[i]); f[0] != r.ID || f[1] != r.Severity || !strings.HasSuffix(lines[i], "  "+r.Title) {
			t.Errorf("-list-rules line %d: %q, want %s %s %s", i, lines[i], r.ID, r.Severity, r.Title)
		}
	}
	// Rules turned off by -severity, -enable or -disable are marked.
	stdout, _, _ = run(t, dir, "-list-rules", "-severity=error", "-disable=DS104")
	for _, line := range strings.Split(strings.TrimSuffix(stdout, "\n"), "\n") {
		id := strings.Fields(line)[0]
		off := strings.HasSuffix(line, "\t(off)") || strings.HasSuffix(line, " (off)")
		if want := id == "DS104" || c.Rule(id).Severity == "warning"; off != want {
			t.Errorf("-list-rules -severity=error -disable=DS104: %q (off: %v, want %v)", line, off, want)
		}
	}

	r := c.Rule("DS501")
	want := "DS501 " + r.Name + "\n\n" + ruledoc.Text(r) + "\nDocumentation: https://github.com/deepseekvet/deepseekvet/blob/main/docs/rules.md#ds501\n"
	for _, args := range [][]string{{"-explain=DS501"}, {"-explain=ds501"}, {"help", "DS501"}} {
		if stdout, stderr, code := run(t, dir, args...); code != 0 || stdout != want || stderr != "" {
			t.Errorf("%v: exit %d\n%s%s\nwant\n%s", args, code, stdout, stderr, want)
		}
	}
}

// TestRuleSelection checks -enable and -disable, with IDs and families.
func TestRuleSelection(t *testing.T) {
	t.Parallel()
	dir := module(t)
	rules := func(args ...string) (string, int) {
		_, stderr, code := run(t, dir, append(args, "./...")...)
		var ids []string
		for _, m := range regexp.MustCompile(`\((DS\d+)\)\n`).FindAllStringSubmatch(stderr, -1) {
			ids = append(ids, m[1])
		}
		return strings.Join(ids, " "), code
	}
	for _, tc := range []struct {
		args []string
		want string
		code int
	}{
		{nil, "DS102 DS501 DS501 DS104 DS501", 3},
		{[]string{"-disable=DS501"}, "DS102 DS104", 3},
		{[]string{"-disable=ds5xx,DS104"}, "DS102", 3},
		{[]string{"-enable=DS104,DS501"}, "DS501 DS501 DS104 DS501", 3},
		{[]string{"-enable=DS1xx", "-disable=DS102"}, "DS104", 3},
		{[]string{"-enable=DS501", "-severity=error"}, "", 0},
		{[]string{"-disable=DS1xx,DS5xx"}, "", 0},
	} {
		if got, code := rules(tc.args...); got != tc.want || code != tc.code {
			t.Errorf("%v: %q (exit %d), want %q (exit %d)", tc.args, got, code, tc.want, tc.code)
		}
	}
}

// TestVerbose checks -v: every candidate with its verdict and reason, the packages
// without one, and a summary, before the findings.
func TestVerbose(t *testing.T) {
	t.Parallel()
	dir := module(t)
	_, stderr, code := run(t, dir, "-v", "./...")
	const bound = ": -v: map literal map[string]any: checked against chat completions (non-beta base URL): a DeepSeek URL (chat) reaches function "
	want := "chat/chat.go:14:10" + bound + "Ask\n" +
		"chat/chat.go:24:10" + bound + "Greet\n" +
		"chat/chat_test.go:6:10" + bound + "TestBody\n" +
		"chat/gen.go:7:7" + bound + "Generated\n" +
		"other/other.go:13:28: -v: map literal map[string]any: skipped: function Ask sends to another host (other)\n" +
		"deepseekvet: -v: package example.com/drv/util: no payload candidates: the package imports neither encoding/json, net/http nor an SDK deepseekvet knows, mentions no DeepSeek URL or model, has no //deepseekvet: directive and no fact binds it\n" +
		"deepseekvet: -v: 5 payload candidates: 4 checked, 1 skipped; 5 findings\n"
	text, _ := os.ReadFile("testdata/golden/text.golden")
	if code != 3 || stderr != want+string(text) {
		t.Errorf("-v: exit %d\n%s\nwant\n%s%s", code, stderr, want, text)
	}
}

// TestPatterns checks the warning for a pattern that matches no packages.
func TestPatterns(t *testing.T) {
	t.Parallel()
	dir := module(t)
	os.MkdirAll(filepath.Join(dir, "empty", "sub"), 0o755)
	_, stderr, code := run(t, dir, "./util/...", "./empty/...", "example.com/nothing/...")
	want := "deepseekvet: warning: pattern ./empty/... matched no packages\n" +
		"deepseekvet: warning: pattern example.com/nothing/... matched no packages\n"
	if code != 0 || stderr != want {
		t.Errorf("exit %d\n%s\nwant\n%s", code, stderr, want)
	}
	_, stderr, code = run(t, dir, "./empty/...")
	if want := "deepseekvet: warning: pattern ./empty/... matched no packages\ndeepseekvet: no packages to check\n"; code != 1 || stderr != want {
		t.Errorf("only an empty pattern: exit %d\n%s\nwant\n%s", code, stderr, want)
	}
}

// TestVetProtocol checks that go vet's handshake reaches x/tools untouched: the
// driver's own flags are not in -flags, and -V=full keeps the devel…buildID= line.
func TestVetProtocol(t *testing.T) {
	t.Parallel()
	dir := module(t)
	stdout, _, code := run(t, dir, "-flags")
	var flags []struct{ Name string }
	if err := json.Unmarshal([]byte(stdout), &flags); err != nil || code != 0 {
		t.Fatalf("-flags: exit %d, %v\n%s", code, err, stdout)
	}
	names := map[string]bool{}
	for _, f := range flags {
		names[f.Name] = true
	}
	if !names["severity"] || !names["json"] || names["format"] || names["srcroot"] {
		t.Errorf("-flags lists %v; want singlechecker's flags and the analyzer's, not the driver's", names)
	}
	stdout, _, code = run(t, dir, "-V=full")
	if code != 0 || !regexp.MustCompile(`^\S*deepseekvet version devel .* buildID=[0-9a-f]+\n$`).MatchString(stdout) {
		t.Errorf("-V=full = %q (exit %d)", stdout, code)
	}
	_, stderr, code := testutil.Run(t, dir, nil, "go", "vet", "-vettool="+tool(t), "./...")
	if code != 1 || !strings.Contains(stderr, "chat/chat.go:15:28: model: model \"deepseek-chat\" was retired") {
		t.Errorf("go vet: exit %d\n%s", code, stderr)
	}
}
