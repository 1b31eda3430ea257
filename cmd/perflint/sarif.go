package main

// SARIF 2.1.0 output (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
// the format GitHub code scanning and other result viewers read.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"go/token"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/tools/go/analysis"

	"github.com/perflint/perflint/internal/confidence"
)

const (
	sarifSchema  = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
	sarifVersion = "2.1.0"
	projectURL   = "https://github.com/perflint/perflint"
	srcRoot      = "%SRCROOT%" // the base id of URIs relative to the working directory
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool               sarifTool                        `json:"tool"`
	Invocations        []sarifInvocation                `json:"invocations"`
	OriginalURIBaseIDs map[string]sarifArtifactLocation `json:"originalUriBaseIds"`
	ColumnKind         string                           `json:"columnKind"`
	Results            []sarifResult                    `json:"results"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string             `json:"id"`
	ShortDescription     sarifText          `json:"shortDescription"`
	FullDescription      sarifText          `json:"fullDescription"`
	Help                 sarifText          `json:"help"`
	HelpURI              string             `json:"helpUri"`
	DefaultConfiguration sarifConfiguration `json:"defaultConfiguration"`
}

type sarifConfiguration struct {
	Level string `json:"level"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifInvocation struct {
	ExecutionSuccessful        bool                `json:"executionSuccessful"`
	ToolExecutionNotifications []sarifNotification `json:"toolExecutionNotifications,omitempty"`
}

type sarifNotification struct {
	Level   string    `json:"level"`
	Message sarifText `json:"message"`
}

type sarifResult struct {
	RuleID           string          `json:"ruleId"`
	RuleIndex        int             `json:"ruleIndex"`
	Level            string          `json:"level"`
	Message          sarifText       `json:"message"`
	Locations        []sarifLocation `json:"locations"`
	RelatedLocations []sarifLocation `json:"relatedLocations,omitempty"`
	Fixes            []sarifFix      `json:"fixes,omitempty"`
	// Rank is SARIF's 0–100 priority: the CPU share (in percent) of the
	// code the finding sits in when a profile has samples there, else from
	// the confidence; both are properties.
	Rank       float64         `json:"rank"`
	Properties sarifProperties `json:"properties"`
}

type sarifProperties struct {
	Confidence string   `json:"confidence"`
	CPU        *float64 `json:"cpu,omitempty"` // percent, as in -json
}

// sarifRank maps a confidence to SARIF's rank.
var sarifRank = map[confidence.Level]float64{confidence.High: 90, confidence.Medium: 60, confidence.Low: 30}

type sarifLocation struct {
	ID               *int                  `json:"id,omitempty"`
	PhysicalLocation sarifPhysicalLocation `json:"physicalLocation"`
	Message          *sarifText            `json:"message,omitempty"`
}

type sarifPhysicalLocation struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Region           sarifRegion           `json:"region"`
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

type sarifFix struct {
	Description     sarifText             `json:"description"`
	ArtifactChanges []sarifArtifactChange `json:"artifactChanges"`
}

type sarifArtifactChange struct {
	ArtifactLocation sarifArtifactLocation `json:"artifactLocation"`
	Replacements     []sarifReplacement    `json:"replacements"`
}

type sarifReplacement struct {
	DeletedRegion   sarifRegion `json:"deletedRegion"`
	InsertedContent sarifText   `json:"insertedContent"`
}

// diagnostic is a finding with what it takes to render it.
type diagnostic struct {
	analyzer *analysis.Analyzer
	fset     *token.FileSet
	cpu      *float64 // percent of the profile's CPU, if it has samples there
	analysis.Diagnostic
}

// newSARIFLog renders the findings as a log of one run. notes are load and
// analysis errors; paths are written relative to cwd.
func newSARIFLog(analyzers []*analysis.Analyzer, cwd string, diags []diagnostic, notes []string) *sarifLog {
	c := &converter{cwd: cwd, lines: make(map[string][][]byte)}
	run := sarifRun{
		Tool: sarifTool{Driver: sarifDriver{
			Name:           "perflint",
			Version:        version(),
			InformationURI: projectURL,
			Rules:          []sarifRule{},
		}},
		Invocations: []sarifInvocation{{ExecutionSuccessful: len(notes) == 0}},
		OriginalURIBaseIDs: map[string]sarifArtifactLocation{
			srcRoot: {URI: dirURI(cwd)},
		},
		ColumnKind: "utf16CodeUnits",
		Results:    []sarifResult{},
	}
	for _, n := range notes {
		run.Invocations[0].ToolExecutionNotifications = append(run.Invocations[0].ToolExecutionNotifications,
			sarifNotification{Level: "error", Message: sarifText{n}})
	}
	ruleIndex := make(map[string]int)
	for _, a := range analyzers {
		ruleIndex[a.Name] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule(a))
	}

	seen := make(map[string]bool) // a file in a package and its test variant is analyzed twice
	for _, d := range diags {
		r := c.result(d)
		r.RuleIndex = ruleIndex[r.RuleID]
		key, _ := json.Marshal(r)
		if seen[string(key)] {
			continue
		}
		seen[string(key)] = true
		run.Results = append(run.Results, r)
	}
	slices.SortStableFunc(run.Results, compareResults)
	return &sarifLog{Schema: sarifSchema, Version: sarifVersion, Runs: []sarifRun{run}}
}

func rule(a *analysis.Analyzer) sarifRule {
	short, _, _ := strings.Cut(strings.TrimSpace(a.Doc), "\n")
	return sarifRule{
		ID:                   a.Name,
		ShortDescription:     sarifText{short},
		FullDescription:      sarifText{a.Doc},
		Help:                 sarifText{a.Doc},
		HelpURI:              projectURL + "#" + a.Name,
		DefaultConfiguration: sarifConfiguration{Level: "warning"},
	}
}

// compareResults orders results by file, line, column, rule, then message.
func compareResults(x, y sarifResult) int {
	px, py := x.Locations[0].PhysicalLocation, y.Locations[0].PhysicalLocation
	if c := strings.Compare(px.ArtifactLocation.URI, py.ArtifactLocation.URI); c != 0 {
		return c
	}
	if c := px.Region.StartLine - py.Region.StartLine; c != 0 {
		return c
	}
	if c := px.Region.StartColumn - py.Region.StartColumn; c != 0 {
		return c
	}
	if c := strings.Compare(x.RuleID, y.RuleID); c != 0 {
		return c
	}
	return strings.Compare(x.Message.Text, y.Message.Text)
}

// converter turns token positions into SARIF locations.
type converter struct {
	cwd   string
	lines map[string][][]byte // file contents by line, for UTF-16 columns
}

func (c *converter) result(d diagnostic) sarifResult {
	r := sarifResult{
		RuleID:    d.analyzer.Name,
		Level:     "warning",
		Message:   sarifText{d.Message},
		Locations: []sarifLocation{c.location(d.fset, d.Pos, d.End)},
	}
	level := confidence.Of(d.Diagnostic)
	r.Rank, r.Properties.Confidence = sarifRank[level], level.String()
	if d.cpu != nil {
		r.Rank, r.Properties.CPU = min(max(*d.cpu, 0), 100), d.cpu
	}
	for i, rel := range d.Related {
		loc := c.location(d.fset, rel.Pos, rel.End)
		id := i + 1
		loc.ID = &id
		loc.Message = &sarifText{rel.Message}
		r.RelatedLocations = append(r.RelatedLocations, loc)
	}
	for _, fix := range d.SuggestedFixes {
		if sf, ok := c.fix(d.fset, fix); ok {
			r.Fixes = append(r.Fixes, sf)
		}
	}
	return r
}

func (c *converter) location(fset *token.FileSet, pos, end token.Pos) sarifLocation {
	start := fset.Position(pos)
	return sarifLocation{PhysicalLocation: sarifPhysicalLocation{
		ArtifactLocation: c.artifact(start.Filename),
		Region:           c.region(fset, pos, end),
	}}
}

// region is the range [pos, end); an invalid end means the range is empty.
func (c *converter) region(fset *token.FileSet, pos, end token.Pos) sarifRegion {
	if !end.IsValid() || end < pos {
		end = pos
	}
	start, stop := fset.Position(pos), fset.Position(end)
	return sarifRegion{
		StartLine:   start.Line,
		StartColumn: c.column(start),
		EndLine:     stop.Line,
		EndColumn:   c.column(stop),
	}
}

func (c *converter) fix(fset *token.FileSet, fix analysis.SuggestedFix) (sarifFix, bool) {
	byFile := make(map[string][]sarifReplacement)
	var files []string
	for _, e := range fix.TextEdits {
		name := fset.Position(e.Pos).Filename
		if name == "" {
			return sarifFix{}, false
		}
		if _, ok := byFile[name]; !ok {
			files = append(files, name)
		}
		byFile[name] = append(byFile[name], sarifReplacement{
			DeletedRegion:   c.region(fset, e.Pos, e.End),
			InsertedContent: sarifText{string(e.NewText)},
		})
	}
	if len(files) == 0 {
		return sarifFix{}, false
	}
	slices.Sort(files)
	sf := sarifFix{Description: sarifText{fix.Message}}
	for _, name := range files {
		sf.ArtifactChanges = append(sf.ArtifactChanges, sarifArtifactChange{
			ArtifactLocation: c.artifact(name),
			Replacements:     byFile[name],
		})
	}
	return sf, true
}

// artifact locates a file: relative to the working directory when it is
// below it, else by an absolute file URI.
func (c *converter) artifact(filename string) sarifArtifactLocation {
	if rel, err := filepath.Rel(c.cwd, filename); err == nil && filepath.IsLocal(rel) {
		return sarifArtifactLocation{URI: (&url.URL{Path: filepath.ToSlash(rel)}).String(), URIBaseID: srcRoot}
	}
	return sarifArtifactLocation{URI: fileURI(filename)}
}

// column converts a position's byte column to UTF-16 code units, counted
// from 1, SARIF's default column kind.
func (c *converter) column(p token.Position) int {
	line := c.line(p.Filename, p.Line)
	if line == nil || p.Column < 1 || p.Column-1 > len(line) {
		return max(p.Column, 1)
	}
	n := 1
	for b := line[:p.Column-1]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		n += len(utf16.Encode([]rune{r}))
		b = b[size:]
	}
	return n
}

func (c *converter) line(filename string, line int) []byte {
	lines, ok := c.lines[filename]
	if !ok {
		if data, err := os.ReadFile(filename); err == nil {
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, len(data)+1)
			for sc.Scan() {
				lines = append(lines, slices.Clone(sc.Bytes()))
			}
		}
		c.lines[filename] = lines
	}
	if line < 1 || line > len(lines) {
		return nil
	}
	return lines[line-1]
}

func fileURI(path string) string {
	path = filepath.ToSlash(path)
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // C:/x -> file:///C:/x
	}
	return (&url.URL{Scheme: "file", Path: path}).String()
}

func dirURI(dir string) string {
	uri := fileURI(dir)
	if !strings.HasSuffix(uri, "/") {
		uri += "/"
	}
	return uri
}

// version is the module version perflint was built at, if known.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" || info.Main.Version == "(devel)" {
		return ""
	}
	return info.Main.Version
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}
