package driver

import (
	"bytes"
	"encoding/json"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/deepseekvet/deepseekvet/analyzer"
	"github.com/deepseekvet/deepseekvet/internal/ruledoc"
	"github.com/deepseekvet/deepseekvet/schema"
)

// SARIF 2.1.0 (OASIS), with the properties GitHub code scanning reads.

// sarifSchemaURI is the OASIS schema of SARIF 2.1.0 (errata 01).
const sarifSchemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

// srcRootID names the directory result URIs are relative to.
const srcRootID = "%SRCROOT%"

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	// ColumnKind says how columns count: Go counts bytes, SARIF readers count
	// characters, so every column is converted to Unicode code points.
	ColumnKind string        `json:"columnKind"`
	Results    []sarifResult `json:"results"`
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

type sarifMessage struct {
	Text     string `json:"text"`
	Markdown string `json:"markdown,omitempty"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	Name                 string             `json:"name"`
	ShortDescription     sarifMessage       `json:"shortDescription"`
	FullDescription      sarifMessage       `json:"fullDescription"`
	Help                 sarifMessage       `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
	Properties           sarifRuleProps     `json:"properties"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifRuleProps struct {
	Tags     []string `json:"tags"`
	Evidence string   `json:"evidence"`
}

type sarifInvocation struct {
	ExecutionSuccessful bool                `json:"executionSuccessful"`
	Notifications       []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string       `json:"level"`
	Message sarifMessage `json:"message"`
}

type sarifArtifactLocation struct {
	URI       string `json:"uri"`
	URIBaseID string `json:"uriBaseId,omitempty"`
}

type sarifRegion struct {
	StartLine   int `json:"startLine"`
	StartColumn int `json:"startColumn"`
	EndLine     int `json:"endLine"`
	EndColumn   int `json:"endColumn"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
}

type sarifLocation struct {
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion  `json:"deletedRegion"`
	InsertedContent sarifContent `json:"insertedContent"`
}

type sarifContent struct {
	Text string `json:"text"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifFix struct {
	Description     sarifMessage          `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifResult struct {
	RuleID    string          `json:"ruleId"`
	RuleIndex *int            `json:"ruleIndex,omitempty"`
	Level     string          `json:"level"`
	Message   sarifMessage    `json:"message"`
	Locations []sarifLocation `json:"locations"`
	Fixes     []sarifFix      `json:"fixes,omitempty"`
}

// writeSARIF prints one SARIF run: every rule of the catalogue, one result per
// finding with URIs relative to root (%SRCROOT%), and the load and analysis
// errors as notifications of an unsuccessful invocation.
func writeSARIF(w io.Writer, root string, contract *schema.Contract, findings []*Finding, problems []string) error {
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "deepseekvet",
			Version:        Version(),
			InformationURI: "https://github.com/deepseekvet/deepseekvet",
			Rules:          []sarifRule{},
		}},
		Invocations:        []sarifInvocation{{ExecutionSuccessful: len(problems) == 0}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{srcRootID: {URI: fileURI(root) + "/"}},
		ColumnKind:         "unicodeCodePoints",
		Results:            []sarifResult{},
	}
	for _, p := range problems {
		run.Invocations[0].Notifications = append(run.Invocations[0].Notifications,
			sarifNotification{Level: "error", Message: sarifMessage{Text: p}})
	}
	index := map[string]int{}
	for i, r := range contract.Rules() {
		index[r.ID] = i
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, sarifRule{
			ID:                   r.ID,
			Name:                 r.Name,
			ShortDescription:     sarifMessage{Text: r.Title},
			FullDescription:      sarifMessage{Text: r.Title + ": DeepSeek " + r.DeepSeek + "."},
			Help:                 sarifMessage{Text: ruledoc.Text(r), Markdown: ruledoc.Markdown(r)},
			HelpURI:              analyzer.DocsURL + "#" + ruledoc.Anchor(r.ID),
			DefaultConfiguration: sarifConfiguration{Level: sarifLevel(r.Severity)},
			Properties:           sarifRuleProps{Tags: []string{"deepseek", "api-contract", r.Severity}, Evidence: r.Evidence},
		})
	}
	cols := newColumnConverter()
	for _, f := range findings {
		res := sarifResult{
			RuleID:  f.Rule,
			Level:   sarifLevel(f.Severity),
			Message: sarifMessage{Text: f.Message},
			Locations: []sarifLocation{{PhysicalLocation: sarifPhysicalLocation{
				ArtifactLocation: artifactLocation(root, f.abs),
				Region:           cols.region(f.abs, f.Line, f.Column, f.EndLine, f.EndColumn),
			}}},
		}
		if i, ok := index[f.Rule]; ok {
			res.RuleIndex = &i
		}
		for _, fx := range f.Fixes {
			sf := sarifFix{Description: sarifMessage{Text: fx.Message}}
			for _, e := range fx.Edits {
				sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{
					ArtifactLocation: artifactLocation(root, e.abs),
					Replacements: []sarifReplacement{{
						DeletedRegion:   cols.region(e.abs, e.StartLine, e.StartColumn, e.EndLine, e.EndColumn),
						InsertedContent: sarifContent{Text: e.NewText},
					}},
				})
			}
			if len(sf.ArtifactChanges) > 0 {
				res.Fixes = append(res.Fixes, sf)
			}
		}
		run.Results = append(run.Results, res)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchemaURI, Version: "2.1.0", Runs: []sarifRun{run}})
}

func sarifLevel(severity string) string {
	if severity == "error" {
		return "error"
	}
	return "warning"
}

// artifactLocation is a file's URI relative to root, under %SRCROOT%, or its
// absolute file URI when it is outside root.
func artifactLocation(root, abs string) sarifArtifactLocation {
	r, err := filepath.Rel(root, abs)
	if err != nil || r == ".." || strings.HasPrefix(r, ".."+string(filepath.Separator)) || filepath.IsAbs(r) {
		return sarifArtifactLocation{URI: fileURI(abs)}
	}
	return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(r)}).String(), URIBaseID: srcRootID}
}

// fileURI is the file URI of an absolute path, percent-encoded, without a
// trailing slash.
func fileURI(abs string) string {
	p := filepath.ToSlash(filepath.Clean(abs))
	if !strings.HasPrefix(p, "/") {
		p = "/" + p // C:/x → /C:/x
	}
	return strings.TrimSuffix((&url.URL{Scheme: "file", Path: p}).String(), "/")
}

// columnConverter turns Go's byte columns into the Unicode code point columns the
// SARIF run declares, reading each file once.
type columnConverter struct{ lines map[string][][]byte }

func newColumnConverter() *columnConverter { return &columnConverter{lines: map[string][][]byte{}} }

func (c *columnConverter) region(file string, line, col, endLine, endCol int) sarifRegion {
	return sarifRegion{
		StartLine: line, StartColumn: c.column(file, line, col),
		EndLine: endLine, EndColumn: c.column(file, endLine, endCol),
	}
}

// column converts the byte column col of a line of file (both 1-based).
func (c *columnConverter) column(file string, line, col int) int {
	lines, ok := c.lines[file]
	if !ok {
		if src, err := os.ReadFile(file); err == nil {
			lines = bytes.Split(src, []byte("\n"))
		}
		c.lines[file] = lines
	}
	if line < 1 || line > len(lines) || col < 1 || col-1 > len(lines[line-1]) {
		return max(col, 1) // the file changed or is unreadable: keep bytes
	}
	return utf8.RuneCount(lines[line-1][:col-1]) + 1
}
