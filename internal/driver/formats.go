package driver

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"
	"unicode/utf8"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/schema"
)

func writeJSON(w io.Writer, findings []*Finding) {
	if findings == nil {
		findings = []*Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(findings)
}

// writeGitHub prints GitHub Actions workflow commands, one annotation per finding,
// and a summary line (GitHub shows at most ten annotations of a kind per step; the
// log keeps them all).
func writeGitHub(w io.Writer, findings []*Finding) {
	for _, f := range findings {
		level := "warning"
		if f.Severity == "error" {
			level = "error"
		}
		fmt.Fprintf(w, "::%s file=%s,line=%d,col=%d,endLine=%d,endColumn=%d,title=%s::%s\n",
			level, escapeProperty(f.File), f.Line, f.Column, f.EndLine, f.EndColumn,
			escapeProperty("deepseekvet "+f.Rule), escapeData(f.Message+" ("+f.URL+")"))
	}
	fmt.Fprintf(w, "deepseekvet: %d finding(s)\n", len(findings))
}

// escapeData and escapeProperty follow GitHub's workflow command encoding.
func escapeData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

func escapeProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}

// SARIF 2.1.0, as GitHub code scanning reads it.
type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                  `json:"tool"`
	ColumnKind         string                     `json:"columnKind"`
	OriginalURIBaseIDs map[string]sarifArtifactLo `json:"originalUriBaseIds,omitempty"`
	Results            []sarifResult              `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifText struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	Help                 sarifText      `json:"help"`
	HelpURI              string         `json:"helpUri"`
	DefaultConfiguration map[string]any `json:"defaultConfiguration"`
}

type sarifArtifactLo struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
	Index     *int   `json:"index,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifactLo `json:"artifactLocation"`
	Region           sarifRegion     `json:"region"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysical `json:"physicalLocation"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

type sarifChange struct {
	ArtifactLocation sarifArtifactLo    `json:"artifactLocation"`
	Replacements     []sarifReplacement `json:"replacements"`
}

type sarifFix struct {
	Description     sarifText     `json:"description"`
	ArtifactChanges []sarifChange `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex int             `json:"ruleIndex"`
	Level     string          `json:"level"`
	Message   sarifText       `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

func writeSARIF(w io.Writer, findings []*Finding) error {
	contract, err := schema.Default()
	if err != nil {
		return err
	}
	run := sarifRun{
		Tool:               sarifTool{Driver: sarifDriver{Name: "deepseekvet", Version: Version(), InformationURI: "https://github.com/deepseekvet/deepseekvet"}},
		ColumnKind:         "unicodeCodePoints",
		OriginalURIBaseIDs: map[string]sarifArtifactLo{"%SRCROOT%": {URI: srcRoot()}},
		Results:            []sarifResult{},
	}
	index := map[string]int{}
	for i, r := range contract.Rules() {
		index[r.ID] = i
		help := fmt.Sprintf("DeepSeek %s.\n\nFix: %s\n\nSource: %s", r.DeepSeek, r.Fix, r.Source)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID: r.ID, Name: r.Name,
			ShortDescription:     sarifText{Text: r.Title},
			FullDescription:      sarifText{Text: "DeepSeek " + r.DeepSeek + "."},
			Help:                 sarifText{Text: help, Markdown: fmt.Sprintf("DeepSeek %s.\n\n**Fix:** %s\n\nBad: `%s`\n\nGood: `%s`\n\n[Source](%s)", r.DeepSeek, r.Fix, r.Bad, r.Good, r.Source)},
			HelpURI:              analyzer.DocsURL + "#" + strings.ToLower(r.ID),
			DefaultConfiguration: map[string]any{"level": level(r.Severity)},
		})
	}
	cols := newColumnConverter()
	for _, f := range findings {
		res := sarifResult{
			RuleID: f.Rule, RuleIndex: index[f.Rule], Level: level(f.Severity),
			Message: sarifText{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysical{
				ArtifactLocation: sarifArtifactLo{URI: f.File, URIBaseID: "%SRCROOT%"},
				Region:           cols.region(f.abs, f.Line, f.Column, f.EndLine, f.EndColumn),
			}}},
		}
		for _, fx := range f.Fixes {
			sf := sarifFix{Description: sarifText{Text: fx.Message}}
			for _, e := range fx.Edits {
				sf.ArtifactChanges = append(sf.ArtifactChanges, sarifChange{
					ArtifactLocation: sarifArtifactLo{URI: e.File, URIBaseID: "%SRCROOT%"},
					Replacements: []sarifReplacement{{
						DeletedRegion:   cols.region(e.abs, e.StartLine, e.StartColumn, e.EndLine, e.EndColumn),
						InsertedContent: sarifText{Text: e.NewText},
					}},
				})
			}
			res.Fixes = append(res.Fixes, sf)
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(sarifLog{
		Schema:  "https://json.schemastore.org/sarif-2.1.0.json",
		Version: "2.1.0",
		Runs:    []sarifRun{run},
	})
}

func level(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}

func srcRoot() string {
	wd, _ := os.Getwd()
	return "file://" + strings.TrimSuffix(wd, "/") + "/"
}

// columnConverter turns Go's byte columns into the Unicode code point columns the
// SARIF run declares.
type columnConverter struct{ lines map[string][]string }

func newColumnConverter() *columnConverter { return &columnConverter{lines: map[string][]string{}} }

func (c *columnConverter) region(file string, line, col, endLine, endCol int) sarifRegion {
	return sarifRegion{StartLine: line, StartColumn: c.convert(file, line, col), EndLine: endLine, EndColumn: c.convert(file, endLine, endCol)}
}

func (c *columnConverter) convert(file string, line, col int) int {
	lines, ok := c.lines[file]
	if !ok {
		if f, err := os.Open(file); err == nil {
			sc := bufio.NewScanner(f)
			sc.Buffer(make([]byte, 1<<20), 1<<26)
			for sc.Scan() {
				lines = append(lines, sc.Text())
			}
			f.Close()
		}
		c.lines[file] = lines
	}
	if line < 1 || line > len(lines) || col < 1 {
		return max(col, 1)
	}
	text := lines[line-1]
	if col-1 > len(text) {
		return utf8.RuneCountInString(text) + 1
	}
	return utf8.RuneCountInString(text[:col-1]) + 1
}

// Version is the module version the binary was built from, without its "v"
// (SARIF wants a version that starts with a number); "0.0.0-devel" in a checkout.
func Version() string {
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return strings.TrimPrefix(bi.Main.Version, "v")
	}
	return "0.0.0-devel"
}
